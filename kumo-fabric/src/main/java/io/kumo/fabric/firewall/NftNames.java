package io.kumo.fabric.firewall;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Names of the sets and chains of one rendered table.
 *
 * <p>nft identifiers are safest as {@code [A-Za-z][A-Za-z0-9_]*} that is no keyword (a chain
 * called {@code fwd} fails to parse), so every derived name starts with a fixed prefix and AWS
 * ids have their {@code -} turned into {@code _}. Ids of any other shape, or too long, are
 * shortened and suffixed with a hash. Two ids that still land on one name are refused rather than
 * merged.
 */
final class NftNames {

    static final String VPC_CIDRS = "vpc_cidrs";
    static final String INTERNET_SUBNETS = "internet_subnets";
    static final String FORWARD = "forward";
    static final String RECEIVER = "receiver_ingress";
    static final String INPUT = "input";
    static final String ROUTER_SERVICES = "router_services";

    private final Map<String, String> groupIdByToken = new HashMap<>();
    private final Map<String, String> subnetIdByToken = new HashMap<>();

    String members(String groupId) {
        return "members_" + token(groupId, groupIdByToken);
    }

    String groupIngress(String groupId) {
        return "ingress_" + token(groupId, groupIdByToken);
    }

    String groupEgress(String groupId) {
        return "egress_" + token(groupId, groupIdByToken);
    }

    String aclIngress(String subnetId) {
        return "nacl_in_" + token(subnetId, subnetIdByToken);
    }

    String aclEgress(String subnetId) {
        return "nacl_out_" + token(subnetId, subnetIdByToken);
    }

    private static String token(String id, Map<String, String> idByToken) {
        String token = id.matches("[A-Za-z0-9-]{1,48}") ? id.replace('-', '_') : hashed(id);
        String previous = idByToken.putIfAbsent(token, id);
        if (previous != null && !previous.equals(id)) {
            throw new IllegalArgumentException("ids " + previous + " and " + id + " map to one nft name " + token);
        }
        return token;
    }

    private static String hashed(String id) {
        String readable = id.replaceAll("[^A-Za-z0-9]", "");
        readable = readable.substring(0, Math.min(24, readable.length()));
        return readable + "_h" + HexFormat.of().formatHex(sha256(id), 0, 6);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
