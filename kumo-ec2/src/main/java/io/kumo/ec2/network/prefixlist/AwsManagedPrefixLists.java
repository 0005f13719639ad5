package io.kumo.ec2.network.prefixlist;

import io.kumo.core.store.Tx;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The AWS-managed prefix lists of a region (the S3 and DynamoDB gateway endpoints'), so security
 * group rules and routes can name them. Their ids are AWS's own where known and otherwise derived
 * from the region and name, so they are the same in every Kumo. The entries are representative
 * blocks, not AWS's live ranges.
 */
public final class AwsManagedPrefixLists {
    private static final Map<String, String> KNOWN_IDS = Map.of(
            "com.amazonaws.us-east-1.s3", "pl-63a5400a",
            "com.amazonaws.us-east-1.dynamodb", "pl-02cd2c6b",
            "com.amazonaws.us-west-2.s3", "pl-68a54001",
            "com.amazonaws.us-west-2.dynamodb", "pl-00a54069",
            "com.amazonaws.ap-northeast-1.s3", "pl-61a54008",
            "com.amazonaws.ap-northeast-1.dynamodb", "pl-78a54011");

    private AwsManagedPrefixLists() {
    }

    public static List<String> names(String region) {
        return List.of("com.amazonaws." + region + ".s3", "com.amazonaws." + region + ".dynamodb");
    }

    public static String idOf(String name) {
        String known = KNOWN_IDS.get(name);
        if (known != null) {
            return known;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "pl-" + HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void create(Tx tx, String region, Instant now) {
        int seed = Math.floorMod(region.hashCode(), 200);
        for (String name : names(region)) {
            List<PrefixListRecord.Entry> entries = name.endsWith(".s3")
                    ? List.of(new PrefixListRecord.Entry("52.219." + (seed % 64 * 4) + ".0/22", null),
                              new PrefixListRecord.Entry("3.5." + (seed % 64 * 4) + ".0/22", null))
                    : List.of(new PrefixListRecord.Entry("52.94." + (seed % 32 * 8) + ".0/24", null),
                              new PrefixListRecord.Entry("52.119." + (seed % 16 * 16) + ".0/21", null));
            String id = idOf(name);
            tx.put(PrefixListRecord.TABLE, id, new PrefixListRecord(id, name, "IPv4", "create-complete", null, 1,
                    PrefixListRecord.AWS_OWNER, entries, now));
        }
    }
}
