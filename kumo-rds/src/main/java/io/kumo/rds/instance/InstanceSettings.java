package io.kumo.rds.instance;

import java.util.List;

/**
 * What the user asked a DB instance to be: the desired configuration. Handlers write it; the
 * runtime reads it to build and configure servers, and changes it only through
 * {@link DbInstanceRecord#pendingApplied()}.
 *
 * @param masterUserPassword  kept so the runtime can set it on the server; never shown by the API
 * @param dbName              the initial database, or null (PostgreSQL then has only "postgres")
 * @param vpcId               the subnet group's VPC
 * @param requestedAvailabilityZone  the zone asked for, or null to let placement choose
 */
public record InstanceSettings(
        String engine,
        String engineVersion,
        String instanceClass,
        int allocatedStorage,
        String storageType,
        Integer iops,
        String masterUsername,
        String masterUserPassword,
        String dbName,
        int port,
        String vpcId,
        String subnetGroupName,
        List<String> vpcSecurityGroupIds,
        boolean publiclyAccessible,
        boolean multiAz,
        String requestedAvailabilityZone,
        int backupRetentionPeriod,
        String preferredBackupWindow,
        String preferredMaintenanceWindow,
        boolean deletionProtection,
        String parameterGroupName,
        String optionGroupName,
        String licenseModel,
        boolean autoMinorVersionUpgrade,
        boolean copyTagsToSnapshot,
        boolean storageEncrypted,
        String caCertificateIdentifier) {

    public InstanceSettings {
        vpcSecurityGroupIds = List.copyOf(vpcSecurityGroupIds);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy to change a few settings of. */
    public static final class Builder {
        public String engine;
        public String engineVersion;
        public String instanceClass;
        public int allocatedStorage;
        public String storageType;
        public Integer iops;
        public String masterUsername;
        public String masterUserPassword;
        public String dbName;
        public int port;
        public String vpcId;
        public String subnetGroupName;
        public List<String> vpcSecurityGroupIds = List.of();
        public boolean publiclyAccessible;
        public boolean multiAz;
        public String requestedAvailabilityZone;
        public int backupRetentionPeriod;
        public String preferredBackupWindow;
        public String preferredMaintenanceWindow;
        public boolean deletionProtection;
        public String parameterGroupName;
        public String optionGroupName;
        public String licenseModel;
        public boolean autoMinorVersionUpgrade;
        public boolean copyTagsToSnapshot;
        public boolean storageEncrypted;
        public String caCertificateIdentifier;

        public Builder() {
        }

        Builder(InstanceSettings s) {
            engine = s.engine;
            engineVersion = s.engineVersion;
            instanceClass = s.instanceClass;
            allocatedStorage = s.allocatedStorage;
            storageType = s.storageType;
            iops = s.iops;
            masterUsername = s.masterUsername;
            masterUserPassword = s.masterUserPassword;
            dbName = s.dbName;
            port = s.port;
            vpcId = s.vpcId;
            subnetGroupName = s.subnetGroupName;
            vpcSecurityGroupIds = s.vpcSecurityGroupIds;
            publiclyAccessible = s.publiclyAccessible;
            multiAz = s.multiAz;
            requestedAvailabilityZone = s.requestedAvailabilityZone;
            backupRetentionPeriod = s.backupRetentionPeriod;
            preferredBackupWindow = s.preferredBackupWindow;
            preferredMaintenanceWindow = s.preferredMaintenanceWindow;
            deletionProtection = s.deletionProtection;
            parameterGroupName = s.parameterGroupName;
            optionGroupName = s.optionGroupName;
            licenseModel = s.licenseModel;
            autoMinorVersionUpgrade = s.autoMinorVersionUpgrade;
            copyTagsToSnapshot = s.copyTagsToSnapshot;
            storageEncrypted = s.storageEncrypted;
            caCertificateIdentifier = s.caCertificateIdentifier;
        }

        public InstanceSettings build() {
            return new InstanceSettings(engine, engineVersion, instanceClass, allocatedStorage, storageType, iops, masterUsername,
                    masterUserPassword, dbName, port, vpcId, subnetGroupName, vpcSecurityGroupIds, publiclyAccessible, multiAz,
                    requestedAvailabilityZone, backupRetentionPeriod, preferredBackupWindow, preferredMaintenanceWindow,
                    deletionProtection, parameterGroupName, optionGroupName, licenseModel, autoMinorVersionUpgrade,
                    copyTagsToSnapshot, storageEncrypted, caCertificateIdentifier);
        }
    }
}
