package io.kumo.route53.record.rdata;

import java.util.List;

/** TXT: one or more character strings, each quoted when it holds spaces, each at most 255 characters. */
public class TxtRdata implements RdataType {
    private static final int MAX_VALUE = 4000;

    @Override
    public String type() {
        return "TXT";
    }

    @Override
    public String check(String value) {
        String v = value.trim();
        if (v.isEmpty()) {
            throw new BadRdata("InvalidCharacterString", "Value should be enclosed in quotation marks");
        }
        if (!v.startsWith("\"") && v.chars().anyMatch(Character::isWhitespace)) {
            throw new BadRdata("InvalidCharacterString", "Value should be enclosed in quotation marks");
        }
        List<String> strings = Fields.characterStrings(v);
        if (v.length() > MAX_VALUE || strings.stream().anyMatch(s -> s.length() > Fields.MAX_STRING)) {
            throw new BadRdata("TXTRDATATooLong", "Value is too long");
        }
        return v;
    }
}
