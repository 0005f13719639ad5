package io.kumo.rds.instance;

import io.kumo.core.store.Table;

import java.time.Instant;

/**
 * A DB instance, keyed by its identifier (lower case). Three parts, written by different hands:
 * {@link #settings} (what the user wants; handlers), {@link #pending} (changes not applied yet;
 * handlers add, the runtime applies) and {@link #observed} (what is true of the servers; the
 * runtime, except for the statuses the API sets when asked). Every method returns an updated
 * copy; docs/rds.md ("For the runtime") says which the runtime calls when.
 *
 * @param resourceId             the DbiResourceId
 * @param requestedAt            when CreateDBInstance (or the restore) was received
 * @param reboot                 a reboot asked for and not yet done, or null
 * @param restoredFromSnapshot   the snapshot identifier whose data the instance starts from, or null for an empty one
 * @param finalSnapshotIdentifier the snapshot to take before deleting, or null (set by DeleteDBInstance)
 */
public record DbInstanceRecord(String identifier, String arn, String resourceId, Instant requestedAt, InstanceSettings settings,
                               PendingModifications pending, Observed observed, Reboot reboot, String restoredFromSnapshot,
                               String finalSnapshotIdentifier) {

    public static final Table<DbInstanceRecord> TABLE = Table.regional("rds.instances", DbInstanceRecord.class);

    /** A reboot asked for: with ForceFailover the standby becomes the primary. */
    public record Reboot(Instant requestedAt, boolean forceFailover) {
    }

    public String status() {
        return observed.status();
    }

    public DbInstanceRecord withStatus(String status) {
        return withObserved(observed.withStatus(status));
    }

    /** The runtime published the endpoint's name (see {@code EndpointNames}) at the server's port. */
    public DbInstanceRecord withEndpoint(String address, int port, String hostedZoneId) {
        return withObserved(observed.withEndpoint(address, port, hostedZoneId));
    }

    /** The primary server runs in this zone's subnet. */
    public DbInstanceRecord withPrimary(String zone, String subnetId) {
        return withObserved(observed.withPrimary(zone, subnetId));
    }

    /** A standby runs in this zone's subnet (Multi-AZ). */
    public DbInstanceRecord withStandby(String zone, String subnetId) {
        return withObserved(observed.withStandby(zone, subnetId));
    }

    /** No standby any more (Multi-AZ turned off). */
    public DbInstanceRecord withoutStandby() {
        return withObserved(observed.withStandby(null, null));
    }

    /** The standby became the primary; the old primary is the new standby. */
    public DbInstanceRecord failedOver() {
        Observed o = observed;
        return withObserved(o.withPrimary(o.secondaryAvailabilityZone(), o.standbySubnetId())
                .withStandby(o.availabilityZone(), o.primarySubnetId()));
    }

    /** The instance became available for the first time. */
    public DbInstanceRecord created(Instant at) {
        return withObserved(observed.withInstanceCreateTime(at).withStatus(InstanceStatus.AVAILABLE));
    }

    public DbInstanceRecord withLatestRestorableTime(Instant at) {
        return withObserved(observed.withLatestRestorableTime(at));
    }

    /** @param revision the parameter group revision the servers now run with */
    public DbInstanceRecord withParameterApplyStatus(String applyStatus, long revision) {
        return withObserved(observed.withParameters(applyStatus, revision));
    }

    /** The servers run with the pending changes: they become settings; only an unapplied password flag stays. */
    public DbInstanceRecord pendingApplied() {
        InstanceSettings.Builder b = settings.toBuilder();
        if (pending.instanceClass() != null) {
            b.instanceClass = pending.instanceClass();
        }
        if (pending.allocatedStorage() != null) {
            b.allocatedStorage = pending.allocatedStorage();
        }
        if (pending.multiAz() != null) {
            b.multiAz = pending.multiAz();
        }
        if (pending.backupRetentionPeriod() != null) {
            b.backupRetentionPeriod = pending.backupRetentionPeriod();
        }
        if (pending.storageType() != null) {
            b.storageType = pending.storageType();
        }
        return new DbInstanceRecord(identifier, arn, resourceId, requestedAt, b.build(), pending.passwordOnly(), observed, reboot,
                restoredFromSnapshot, finalSnapshotIdentifier);
    }

    /** The server has the master password from the settings. */
    public DbInstanceRecord passwordApplied() {
        return withPending(pending.withoutPassword());
    }

    /** The reboot asked for is done. */
    public DbInstanceRecord rebooted() {
        return new DbInstanceRecord(identifier, arn, resourceId, requestedAt, settings, pending, observed, null,
                restoredFromSnapshot, finalSnapshotIdentifier);
    }

    public DbInstanceRecord withSettings(InstanceSettings value) {
        return new DbInstanceRecord(identifier, arn, resourceId, requestedAt, value, pending, observed, reboot,
                restoredFromSnapshot, finalSnapshotIdentifier);
    }

    public DbInstanceRecord withPending(PendingModifications value) {
        return new DbInstanceRecord(identifier, arn, resourceId, requestedAt, settings, value, observed, reboot,
                restoredFromSnapshot, finalSnapshotIdentifier);
    }

    public DbInstanceRecord withObserved(Observed value) {
        return new DbInstanceRecord(identifier, arn, resourceId, requestedAt, settings, pending, value, reboot,
                restoredFromSnapshot, finalSnapshotIdentifier);
    }

    DbInstanceRecord withReboot(Reboot value) {
        return new DbInstanceRecord(identifier, arn, resourceId, requestedAt, settings, pending, observed, value,
                restoredFromSnapshot, finalSnapshotIdentifier);
    }

    DbInstanceRecord deleting(String finalSnapshot) {
        return new DbInstanceRecord(identifier, arn, resourceId, requestedAt, settings, pending,
                observed.withStatus(InstanceStatus.DELETING), reboot, restoredFromSnapshot, finalSnapshot);
    }
}
