package io.kumo.route53.record.rdata;

/** SOA: "mname rname serial refresh retry expire minimum", the numbers 32-bit unsigned. */
public final class SoaRdata implements RdataType {
    private static final long UINT32 = 4294967295L;

    @Override
    public String type() {
        return "SOA";
    }

    @Override
    public String check(String value) {
        String[] f = Fields.split(value, 7, "SOA");
        Fields.domainName(f[0]);
        Fields.domainName(f[1]);
        String[] what = {"Serial", "Refresh", "Retry", "Expire", "Minimum"};
        for (int i = 2; i < 7; i++) {
            Fields.number(f[i], UINT32, "SOA", what[i - 2]);
        }
        return String.join(" ", f);
    }

    @Override
    public boolean manyValues() {
        return false;
    }
}
