package io.kumo.rds.support;

import io.kumo.core.Ids;

/** RDS's generated identifiers. */
public final class ResourceIds {
    /** RFC 4648 base32, which is what DbiResourceIds are made of. */
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private ResourceIds() {
    }

    /** A DbiResourceId: "db-" and 26 base32 characters, unique across the region and never reused. */
    public static String dbInstance() {
        StringBuilder out = new StringBuilder("db-");
        for (int i = 0; i < 26; i++) {
            out.append(BASE32.charAt(Ids.random().nextInt(BASE32.length())));
        }
        return out.toString();
    }

    /** A snapshot's DbiResourceId-like id, as automated and manual snapshots carry ("snap-" is not RDS's). */
    public static String snapshotResource() {
        return dbInstance();
    }
}
