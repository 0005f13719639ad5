package io.kumo.ec2.compute.image;

import io.kumo.core.store.Table;

import java.time.Instant;

/**
 * An EBS snapshot. Those behind the catalogue images come from {@link ImageCatalogue}; the table
 * holds an account's own (CreateImage makes one for the root volume of the image).
 *
 * @param state "pending", "completed" or "error"
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

    public static final String PENDING = "pending";
    public static final String COMPLETED = "completed";
    public static final String ERROR = "error";

    public SnapshotRecord withState(String value) {
        return new SnapshotRecord(snapshotId, volumeId, volumeSize, description, ownerId, ownerAlias, startTime, value, encrypted);
    }

    /** EBS reports progress as a percentage; Kumo copies a layer in one go. */
    public String progress() {
        return COMPLETED.equals(state) ? "100%" : "0%";
    }
}
