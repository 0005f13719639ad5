package io.kumo.route53;

import io.kumo.core.AwsException;

import java.util.Locale;
import java.util.regex.Pattern;

/** Route 53's rules for zone names: lower-cased, ending with a dot, labels of at most 63 characters. */
final class DomainNames {
    private static final Pattern LABEL = Pattern.compile("(\\*|[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)");

    private DomainNames() {
    }

    static String normalize(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (!n.endsWith(".")) {
            n = n + ".";
        }
        String bare = n.substring(0, n.length() - 1);
        if (bare.isEmpty() || n.length() > 255 || bare.split("\\.", -1).length < 1) {
            throw invalid(name);
        }
        for (String label : bare.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid(name);
            }
        }
        return n;
    }

    private static AwsException invalid(String name) {
        return AwsException.badRequest("InvalidDomainName", name + " is not a valid domain name.");
    }
}
