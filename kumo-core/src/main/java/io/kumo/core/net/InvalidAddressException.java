package io.kumo.core.net;

/**
 * Text that is not a well-formed IP address or CIDR block. A distinct type so that a service can
 * turn it into its own AWS error code without catching every {@link IllegalArgumentException}.
 */
public final class InvalidAddressException extends IllegalArgumentException {
    private final String input;

    public InvalidAddressException(String input, String reason) {
        super("'" + input + "' " + reason);
        this.input = input;
    }

    /** The text as the caller gave it. */
    public String input() {
        return input;
    }
}
