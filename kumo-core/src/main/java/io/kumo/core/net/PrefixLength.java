package io.kumo.core.net;

/** Parses the part after the slash of a CIDR block, shared by both address families. */
final class PrefixLength {
    private PrefixLength() {
    }

    static int parse(String digits, int max, String whole) {
        boolean digitsOnly = !digits.isEmpty() && digits.length() <= 3 && digits.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digitsOnly || (digits.length() > 1 && digits.charAt(0) == '0')) {
            throw new InvalidAddressException(whole, "has a malformed prefix length");
        }
        int prefix = Integer.parseInt(digits);
        if (prefix > max) {
            throw new InvalidAddressException(whole, "has a prefix length above /" + max);
        }
        return prefix;
    }

    /** Splits "address/prefix" into its two halves, refusing anything but exactly one slash. */
    static String[] split(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || slash != text.lastIndexOf('/')) {
            throw new InvalidAddressException(text, "is not in address/prefix form");
        }
        return new String[] {text.substring(0, slash), text.substring(slash + 1)};
    }
}
