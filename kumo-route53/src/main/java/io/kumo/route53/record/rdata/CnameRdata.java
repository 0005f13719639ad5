package io.kumo.route53.record.rdata;

/** CNAME: one domain name, kept as written (Route 53 reads it as absolute whether or not it ends with a dot). */
public final class CnameRdata implements RdataType {

    @Override
    public String type() {
        return "CNAME";
    }

    @Override
    public String check(String value) {
        if (value.trim().contains(" ")) {
            throw new BadRdata("CNAMERRDATANotSingleField", "Value contains spaces");
        }
        return Fields.domainName(value);
    }

    @Override
    public boolean manyValues() {
        return false;
    }
}
