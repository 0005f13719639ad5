package io.kumo.route53.record.rdata;

/** SRV: "priority weight port target", the numbers 0 to 65535. */
public final class SrvRdata implements RdataType {

    @Override
    public String type() {
        return "SRV";
    }

    @Override
    public String check(String value) {
        String[] f = Fields.split(value, 4, "SRV");
        Fields.number(f[0], 65535, "SRV", "Priority");
        Fields.number(f[1], 65535, "SRV", "Weight");
        Fields.number(f[2], 65535, "SRV", "Port");
        Fields.domainName(f[3]);
        return String.join(" ", f);
    }
}
