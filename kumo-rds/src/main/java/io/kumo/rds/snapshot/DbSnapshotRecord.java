package io.kumo.rds.snapshot;

import io.kumo.core.store.Table;
import io.kumo.rds.instance.InstanceSettings;

import java.time.Instant;

/**
 * A DB snapshot, keyed by its identifier (lower case). The API records it "creating"; the
 * runtime copies the data, then sets {@link #available}.
 *
 * @param snapshotType        "manual" or "automated"
 * @param source              the instance's settings when the snapshot was asked for: a restore starts from them
 * @param sourceResourceId    the instance's DbiResourceId
 * @param snapshotCreateTime  when the copy was taken, null until then
 * @param availabilityZone    the instance's primary zone at the time, null if it had none yet
 */
public record DbSnapshotRecord(String identifier, String arn, String snapshotType, String status, int percentProgress,
                               Instant requestedAt, Instant snapshotCreateTime, String instanceIdentifier, String sourceResourceId,
                               Instant instanceCreateTime, String availabilityZone, String resourceId, InstanceSettings source) {

    public static final Table<DbSnapshotRecord> TABLE = Table.regional("rds.snapshots", DbSnapshotRecord.class);
    public static final String CREATING = "creating";
    public static final String AVAILABLE = "available";
    public static final String MANUAL = "manual";
    public static final String AUTOMATED = "automated";

    /** The runtime finished copying the data at {@code at}. */
    public DbSnapshotRecord available(Instant at) {
        return new DbSnapshotRecord(identifier, arn, snapshotType, AVAILABLE, 100, requestedAt, at, instanceIdentifier,
                sourceResourceId, instanceCreateTime, availabilityZone, resourceId, source);
    }

    public DbSnapshotRecord withProgress(int percent) {
        return new DbSnapshotRecord(identifier, arn, snapshotType, status, percent, requestedAt, snapshotCreateTime, instanceIdentifier,
                sourceResourceId, instanceCreateTime, availabilityZone, resourceId, source);
    }

    public DbSnapshotRecord withStatus(String value) {
        return new DbSnapshotRecord(identifier, arn, snapshotType, value, percentProgress, requestedAt, snapshotCreateTime,
                instanceIdentifier, sourceResourceId, instanceCreateTime, availabilityZone, resourceId, source);
    }
}
