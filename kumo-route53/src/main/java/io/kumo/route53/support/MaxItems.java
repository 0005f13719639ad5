package io.kumo.route53.support;

/** Route 53's MaxItems, a string on the wire: absent means the operation's default, larger values are capped. */
public final class MaxItems {

    private MaxItems() {
    }

    public static int parse(String text, int defaultAndCap) {
        if (text == null) {
            return defaultAndCap;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1) {
                return Math.min(n, defaultAndCap);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw Route53Errors.invalidInput("1 validation error detected: Value '" + text
                + "' at 'maxItems' failed to satisfy constraint: Member must be a positive number");
    }
}
