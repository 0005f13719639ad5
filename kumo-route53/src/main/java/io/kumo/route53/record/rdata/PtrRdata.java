package io.kumo.route53.record.rdata;

/** PTR: one domain name, kept as written (Route 53 reads it as absolute whether or not it ends with a dot). */
public final class PtrRdata implements RdataType {

    @Override
    public String type() {
        return "PTR";
    }

    @Override
    public String check(String value) {
        if (value.trim().contains(" ")) {
            throw new BadRdata("PTRRRDATANotSingleField", "Value contains spaces");
        }
        return Fields.domainName(value);
    }
}
