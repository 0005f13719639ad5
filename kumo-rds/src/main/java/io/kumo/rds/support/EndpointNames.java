package io.kumo.rds.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;

/**
 * DB endpoints' host names, shaped as RDS shapes them: {@code NAME.XXXXXXXXXXXX.REGION.rds.amazonaws.com},
 * where the 12-character part belongs to the account and region (the same for all its instances,
 * as on AWS), and the Route 53 hosted zone that holds them per region. The runtime publishes
 * these names through DNS; the API only shows them.
 */
public final class EndpointNames {
    public static final String DOMAIN = "rds.amazonaws.com";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** RDS's hosted zone per region (what Endpoint.HostedZoneId shows), for the regions Kumo users meet most. */
    private static final Map<String, String> HOSTED_ZONES = Map.of(
            "us-east-1", "Z2R2ITUGPM61AM",
            "us-west-2", "Z1PVIF0B656C1W",
            "eu-west-1", "Z29XKXDKYMONMX",
            "eu-central-1", "Z1RLNUO7B9Q6NB",
            "ap-northeast-1", "Z24O6O9L7SGTNB",
            "ap-southeast-1", "Z2G0U3KFCY8NZ5");

    private EndpointNames() {
    }

    /** The instance's endpoint address, in lower case. */
    public static String address(String instanceIdentifier, String account, String region) {
        return instanceIdentifier.toLowerCase(Locale.ROOT) + "." + accountPart(account, region) + "." + region + "." + DOMAIN;
    }

    /** The 12 lower-case letters and digits that stand for the account in the region: derived, so stable across restarts. */
    public static String accountPart(String account, String region) {
        byte[] digest = sha256("kumo-rds:" + account + ":" + region);
        StringBuilder out = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            out.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
        }
        return out.toString();
    }

    public static String hostedZoneId(String region) {
        return HOSTED_ZONES.getOrDefault(region, "Z" + accountPart("zone", region).toUpperCase(Locale.ROOT));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
