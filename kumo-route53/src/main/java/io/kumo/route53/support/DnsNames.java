package io.kumo.route53.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Domain names as Route 53 takes and gives them. Input may use {@code \ddd} octal escapes; names
 * are kept decoded, lower case, with the final dot. Output escapes every character other than
 * a-z, 0-9, hyphen, underscore and dot, so a wildcard reads {@code \052.example.com.} as AWS lists it.
 */
public final class DnsNames {
    private static final int MAX_NAME = 255;
    private static final int MAX_LABEL = 63;

    private DnsNames() {
    }

    /** The canonical form, or IllegalArgumentException when the name is not one. */
    public static String parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("no name");
        }
        String text = name.trim();
        if (text.equals(".")) {
            throw new IllegalArgumentException("root");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 3 < text.length() && text.substring(i + 1, i + 4).chars().allMatch(d -> d >= '0' && d <= '7')) {
                    int code = Integer.parseInt(text.substring(i + 1, i + 4), 8);
                    if (code < 33 || code > 126 || code == '.') {
                        throw new IllegalArgumentException("escape");
                    }
                    out.append((char) code);
                    i += 3;
                    continue;
                }
                throw new IllegalArgumentException("escape");
            }
            if (c < 33 || c > 126) {
                throw new IllegalArgumentException("character");
            }
            out.append(c);
        }
        String n = out.toString().toLowerCase(Locale.ROOT);
        if (!n.endsWith(".")) {
            n = n + ".";
        }
        if (n.length() > MAX_NAME) {
            throw new IllegalArgumentException("long");
        }
        for (String label : labels(n)) {
            if (label.isEmpty() || label.length() > MAX_LABEL) {
                throw new IllegalArgumentException("label");
            }
        }
        return n;
    }

    /** The labels of a canonical name, leftmost first. */
    public static List<String> labels(String canonical) {
        String bare = canonical.substring(0, canonical.length() - 1);
        return List.of(bare.split("\\.", -1));
    }

    /** The name as Route 53 writes it in responses. */
    public static String escaped(String canonical) {
        StringBuilder out = new StringBuilder(canonical.length());
        for (char c : canonical.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.') {
                out.append(c);
            } else {
                out.append('\\').append(String.format("%03o", (int) c));
            }
        }
        return out.toString();
    }

    /** AWS's sort key: labels reversed, joined by dots, with the final dot ("com.example.www."), compared as ASCII. */
    public static String sortKey(String canonical) {
        List<String> reversed = new ArrayList<>(labels(canonical));
        java.util.Collections.reverse(reversed);
        return String.join(".", reversed) + ".";
    }

    /** Whether the name is the zone's apex or lies below it. */
    public static boolean within(String name, String zone) {
        return name.equals(zone) || name.endsWith("." + zone);
    }

    public static boolean isWildcard(String canonical) {
        return canonical.startsWith("*.");
    }
}
