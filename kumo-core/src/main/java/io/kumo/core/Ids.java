package io.kumo.core;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/** AWS-shaped identifiers. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private Ids() {
    }

    /** EC2 style: prefix, dash, 17 lowercase hex digits (vpc-0a1b2c3d4e5f67890). */
    public static String ec2(String prefix) {
        return prefix + "-" + hex(17);
    }

    public static String hex(int digits) {
        byte[] bytes = new byte[(digits + 1) / 2];
        RANDOM.nextBytes(bytes);
        return HEX.formatHex(bytes).substring(0, digits);
    }

    public static String upperAlnum(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    public static String requestId() {
        return UUID.randomUUID().toString();
    }

    public static SecureRandom random() {
        return RANDOM;
    }
}
