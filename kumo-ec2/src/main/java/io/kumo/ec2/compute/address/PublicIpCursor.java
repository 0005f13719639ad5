package io.kumo.ec2.compute.address;

import io.kumo.core.store.Table;

/** Where the next search of the public pool starts, so a released address is not handed out again at once. */
public record PublicIpCursor(long nextOffset) {
    public static final Table<PublicIpCursor> TABLE = Table.global("ec2.public-ip-cursor", PublicIpCursor.class);
    public static final String ID = "cursor";
}
