package io.kumo.route53.record.rdata;

import java.util.ArrayList;
import java.util.List;

/** Reading the fields of a value: whitespace-separated tokens, numbers in range, domain names, quoted strings. */
final class Fields {
    static final int MAX_STRING = 255;

    private Fields() {
    }

    static String[] split(String value, int expected, String type) {
        String[] fields = value.trim().split("\\s+");
        if (value.isBlank() || fields.length != expected) {
            throw new BadRdata(type + "RRDATAWrongFieldCount", "Value should have " + expected + " fields");
        }
        return fields;
    }

    static long number(String field, long max, String type, String what) {
        try {
            long n = Long.parseLong(field);
            if (n >= 0 && n <= max && field.chars().allMatch(Character::isDigit)) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadRdata(type + "RRDATAIllegal" + what, what + " must be a number from 0 to " + max);
    }

    /** A domain name in a value: absolute or not, labels of 1 to 63 characters, at most 255 in all. */
    static String domainName(String field) {
        String n = field.trim();
        if (n.isEmpty()) {
            throw new BadRdata("DomainLabelEmpty", "Domain label is empty");
        }
        if (n.equals(".")) {
            return n;
        }
        String bare = n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
        if (bare.length() > 254) {
            throw new BadRdata("DomainNameTooLong", "Domain name is too long");
        }
        for (String label : bare.split("\\.", -1)) {
            if (label.isEmpty()) {
                throw new BadRdata("DomainLabelEmpty", "Domain label is empty");
            }
            if (label.length() > 63) {
                throw new BadRdata("DomainLabelTooLong", "Domain label is too long");
            }
            if (label.chars().anyMatch(c -> c < 33 || c > 126)) {
                throw new BadRdata("IllegalCharacter", "Domain name contains an illegal character");
            }
        }
        return n;
    }

    /**
     * Character strings as master files write them: quoted (with backslash escapes) or bare words.
     * Returns the decoded strings; a quote left open is refused.
     */
    static List<String> characterStrings(String value) {
        List<String> out = new ArrayList<>();
        int i = 0;
        String v = value.trim();
        while (i < v.length()) {
            char c = v.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                StringBuilder s = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < v.length()) {
                    char d = v.charAt(i);
                    if (d == '\\' && i + 1 < v.length()) {
                        s.append(v.charAt(i + 1));
                        i += 2;
                    } else if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    } else {
                        s.append(d);
                        i++;
                    }
                }
                if (!closed) {
                    throw new BadRdata("InvalidCharacterString", "Value should be enclosed in quotation marks");
                }
                out.add(s.toString());
            } else {
                int start = i;
                while (i < v.length() && !Character.isWhitespace(v.charAt(i))) {
                    if (v.charAt(i) == '"') {
                        throw new BadRdata("InvalidCharacterString", "Value should be enclosed in quotation marks");
                    }
                    i++;
                }
                out.add(v.substring(start, i));
            }
        }
        return out;
    }

    static String quoted(String field, String type) {
        if (field.length() < 2 || !field.startsWith("\"") || !field.endsWith("\"")) {
            throw new BadRdata("InvalidCharacterString", "Value should be enclosed in quotation marks");
        }
        List<String> strings = characterStrings(field);
        if (strings.size() != 1) {
            throw new BadRdata(type + "RRDATAIllegalString", "Value should be a single quoted string");
        }
        return strings.getFirst();
    }
}
