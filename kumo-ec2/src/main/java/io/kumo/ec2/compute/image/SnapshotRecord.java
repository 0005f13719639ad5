package io.kumo.ec2.compute.image;

import io.kumo.core.store.Table;

import java.time.Instant;

/**
 * An EBS snapshot. Those behind the catalogue images come from {@link ImageCatalogue}; the table
 * holds an account's own (CreateSnapshot, CreateImage: a later issue).
 */
public record SnapshotRecord(
        String snapshotId,
        String volumeId,
        int volumeSize,
        String description,
        String ownerId,
        String ownerAlias,
        Instant startTime,
        String state,
        boolean encrypted) {

    public static final Table<SnapshotRecord> TABLE = Table.regional("ec2.snapshots", SnapshotRecord.class);
}
