package io.kumo.route53.record.rdata;

import java.util.regex.Pattern;

/** A: a dotted-quad IPv4 address. */
public final class ARdata implements RdataType {
    private static final Pattern QUAD = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    @Override
    public String type() {
        return "A";
    }

    @Override
    public String check(String value) {
        String v = value.trim();
        if (v.contains(" ") || v.contains(",")) {
            throw new BadRdata("ARRDATANotSingleField", "Value contains spaces");
        }
        if (!QUAD.matcher(v).matches()) {
            throw new BadRdata("ARRDATAIllegalIPv4Address", "Value is not a valid IPv4 address");
        }
        return v;
    }
}
