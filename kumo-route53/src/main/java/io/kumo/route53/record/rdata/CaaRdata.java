package io.kumo.route53.record.rdata;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CAA: 'flags tag "value"', flags 0 to 255, the tags Route 53 accepts. */
public final class CaaRdata implements RdataType {
    private static final Pattern SHAPE = Pattern.compile("(\\S+)\\s+(\\S+)\\s+(\".*\")");
    private static final Set<String> TAGS = Set.of("issue", "issuewild", "iodef", "issuemail", "contactemail", "contactphone");

    @Override
    public String type() {
        return "CAA";
    }

    @Override
    public String check(String value) {
        Matcher m = SHAPE.matcher(value.trim());
        if (!m.matches()) {
            throw new BadRdata("CAARRDATAWrongFieldCount", "Value should be: flags tag \"value\"");
        }
        Fields.number(m.group(1), 255, "CAA", "Flags");
        if (!TAGS.contains(m.group(2))) {
            throw new BadRdata("CAARRDATAIllegalTag", "Tag must be one of " + String.join(", ", new java.util.TreeSet<>(TAGS)));
        }
        Fields.quoted(m.group(3), "CAA");
        return value.trim();
    }
}
