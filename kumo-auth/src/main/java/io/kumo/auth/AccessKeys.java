package io.kumo.auth;

import java.security.SecureRandom;

/** New key pairs in the shape AWS issues them, so clients and tools that check the format accept them. */
public final class AccessKeys {
    // AWS key ids are upper-case letters and digits; the RFC 4648 base32 alphabet keeps to that.
    private static final char[] KEY_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessKeys() {
    }

    /** A long-term (IAM user or root) key id: "AKIA" and 16 characters. */
    public static String newAccessKeyId() {
        return "AKIA" + random(KEY_ID_ALPHABET, 16);
    }

    /** A temporary (STS) key id: "ASIA" and 16 characters. */
    public static String newTemporaryAccessKeyId() {
        return "ASIA" + random(KEY_ID_ALPHABET, 16);
    }

    /** A 40-character secret access key. */
    public static String newSecretKey() {
        return random(SECRET_ALPHABET, 40);
    }

    private static String random(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
