package io.kumo.route53.record.rdata;

/** MX: "priority mail-server", priority 0 to 65535. */
public final class MxRdata implements RdataType {

    @Override
    public String type() {
        return "MX";
    }

    @Override
    public String check(String value) {
        String[] f = Fields.split(value, 2, "MX");
        Fields.number(f[0], 65535, "MX", "Priority");
        Fields.domainName(f[1]);
        return f[0] + " " + f[1];
    }
}
