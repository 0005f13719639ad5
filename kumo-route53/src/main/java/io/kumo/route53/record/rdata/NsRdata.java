package io.kumo.route53.record.rdata;

/** NS: one domain name, kept as written (Route 53 reads it as absolute whether or not it ends with a dot). */
public final class NsRdata implements RdataType {

    @Override
    public String type() {
        return "NS";
    }

    @Override
    public String check(String value) {
        if (value.trim().contains(" ")) {
            throw new BadRdata("NSRRDATANotSingleField", "Value contains spaces");
        }
        return Fields.domainName(value);
    }
}
