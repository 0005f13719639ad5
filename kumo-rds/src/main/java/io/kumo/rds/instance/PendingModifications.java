package io.kumo.rds.instance;

/**
 * Changes asked for but not applied yet, as PendingModifiedValues shows them. A null member is
 * no change. With ApplyImmediately the instance is "modifying" and the runtime applies them at
 * once; otherwise they wait (RDS would wait for the maintenance window).
 *
 * @param masterUserPassword true while a new password (already in the settings) is not yet set on the server
 */
public record PendingModifications(String instanceClass, Integer allocatedStorage, Boolean multiAz, Boolean masterUserPassword,
                                   Integer backupRetentionPeriod, String storageType) {

    public static final PendingModifications NONE = new PendingModifications(null, null, null, null, null, null);

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** These changes, with the later ones' non-null members over them. */
    public PendingModifications plus(PendingModifications later) {
        return new PendingModifications(
                later.instanceClass != null ? later.instanceClass : instanceClass,
                later.allocatedStorage != null ? later.allocatedStorage : allocatedStorage,
                later.multiAz != null ? later.multiAz : multiAz,
                later.masterUserPassword != null ? later.masterUserPassword : masterUserPassword,
                later.backupRetentionPeriod != null ? later.backupRetentionPeriod : backupRetentionPeriod,
                later.storageType != null ? later.storageType : storageType);
    }

    /** The same without the password flag: what is left once the server has the new password. */
    public PendingModifications withoutPassword() {
        return new PendingModifications(instanceClass, allocatedStorage, multiAz, null, backupRetentionPeriod, storageType);
    }

    /** Only the password flag: what is left once the rest is applied. */
    PendingModifications passwordOnly() {
        return new PendingModifications(null, null, null, masterUserPassword, null, null);
    }
}
