package io.kumo.route53.record.rdata;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** NAPTR: 'order preference "flags" "service" "regexp" replacement'. */
public final class NaptrRdata implements RdataType {
    private static final Pattern SHAPE = Pattern.compile("(\\S+)\\s+(\\S+)\\s+(\".*\")\\s+(\\S+)");
    private static final Pattern FLAGS = Pattern.compile("[a-zA-Z0-9]*");

    @Override
    public String type() {
        return "NAPTR";
    }

    @Override
    public String check(String value) {
        Matcher m = SHAPE.matcher(value.trim());
        if (!m.matches()) {
            throw new BadRdata("NAPTRRRDATAWrongFieldCount", "Value should be: order preference \"flags\" \"service\" \"regexp\" replacement");
        }
        Fields.number(m.group(1), 65535, "NAPTR", "Order");
        Fields.number(m.group(2), 65535, "NAPTR", "Preference");
        List<String> strings = Fields.characterStrings(m.group(3));
        if (strings.size() != 3 || !m.group(3).startsWith("\"")) {
            throw new BadRdata("NAPTRRRDATAWrongFieldCount", "Value should be: order preference \"flags\" \"service\" \"regexp\" replacement");
        }
        if (!FLAGS.matcher(strings.getFirst()).matches()) {
            throw new BadRdata("NAPTRRRDATAIllegalFlags", "Flags must be letters or digits");
        }
        Fields.domainName(m.group(4));
        return value.trim();
    }
}
