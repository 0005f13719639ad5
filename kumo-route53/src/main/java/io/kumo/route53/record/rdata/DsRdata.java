package io.kumo.route53.record.rdata;

import java.util.regex.Pattern;

/** DS: "key-tag algorithm digest-type digest", the digest in hexadecimal. */
public final class DsRdata implements RdataType {
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    @Override
    public String type() {
        return "DS";
    }

    @Override
    public String check(String value) {
        String[] f = Fields.split(value, 4, "DS");
        Fields.number(f[0], 65535, "DS", "KeyTag");
        Fields.number(f[1], 255, "DS", "Algorithm");
        Fields.number(f[2], 255, "DS", "DigestType");
        if (!HEX.matcher(f[3]).matches() || f[3].length() % 2 != 0) {
            throw new BadRdata("DSRRDATAIllegalDigest", "Digest must be hexadecimal");
        }
        return String.join(" ", f);
    }
}
