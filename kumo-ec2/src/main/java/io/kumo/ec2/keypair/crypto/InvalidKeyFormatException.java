package io.kumo.ec2.keypair.crypto;

import io.kumo.core.AwsException;

/**
 * ImportKeyPair's refusal. AWS gives one code and one message whatever is wrong with the key, so
 * the specific reason is kept apart, for logs only.
 */
public final class InvalidKeyFormatException extends AwsException {
    public static final String CODE = "InvalidKey.Format";
    public static final String MESSAGE = "Key is not in valid OpenSSH public key format";

    private final String reason;

    public InvalidKeyFormatException(String reason) {
        super(CODE, MESSAGE, 400);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
