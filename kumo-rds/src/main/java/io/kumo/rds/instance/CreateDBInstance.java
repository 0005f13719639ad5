package io.kumo.rds.instance;

import io.kumo.core.RequestContext;
import io.kumo.core.network.VpcDirectory;
import io.kumo.core.service.Handler;
import io.kumo.rds.engine.Engine;
import io.kumo.rds.engine.EngineVersions;
import io.kumo.rds.engine.InstanceClasses;
import io.kumo.rds.engine.Storage;
import io.kumo.rds.support.Identifiers;
import io.kumo.rds.support.RdsErrors;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceResponse;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.util.function.Supplier;

/**
 * CreateDBInstance for mysql, mariadb and postgres: checks everything as RDS does, then records
 * the instance as "creating". Servers, endpoint and placement come from the runtime.
 */
final class CreateDBInstance implements Handler<CreateDbInstanceRequest, CreateDbInstanceResponse> {
    static final String CA_CERTIFICATE = "rds-ca-rsa2048-g1";
    private final Supplier<VpcDirectory> vpcs;

    CreateDBInstance(Supplier<VpcDirectory> vpcs) {
        this.vpcs = vpcs;
    }

    @Override
    public CreateDbInstanceResponse handle(RequestContext ctx, CreateDbInstanceRequest in) {
        String identifier = Identifiers.instance(in.dbInstanceIdentifier(), "DBInstanceIdentifier");
        Engine engine = EngineVersions.require(in.engine());
        Engine.Version version = EngineVersions.version(engine, in.engineVersion());
        InstanceSettings.Builder b = new InstanceSettings.Builder();
        b.engine = engine.name();
        b.engineVersion = version.version();
        b.instanceClass = instanceClass(in.dbInstanceClass(), engine, version);
        b.storageType = Storage.checkType(in.storageType());
        b.allocatedStorage = Storage.checkSize(in.allocatedStorage(), engine.name(), b.storageType);
        b.iops = in.iops();
        b.masterUsername = InstanceRules.masterUsername(engine, in.masterUsername());
        if (Boolean.TRUE.equals(in.manageMasterUserPassword())) {
            throw RdsErrors.invalidCombination("Kumo has no Secrets Manager: give MasterUserPassword instead of ManageMasterUserPassword.");
        }
        b.masterUserPassword = InstanceRules.masterPassword(engine, in.masterUserPassword());
        b.dbName = InstanceRules.dbName(engine, in.dbName());
        b.port = InstanceRules.port(engine, in.port());
        b.publiclyAccessible = Boolean.TRUE.equals(in.publiclyAccessible());
        b.multiAz = Boolean.TRUE.equals(in.multiAZ());
        b.backupRetentionPeriod = InstanceRules.backupRetention(in.backupRetentionPeriod(), 1);
        b.preferredBackupWindow = in.preferredBackupWindow() != null ? in.preferredBackupWindow() : NewInstances.BACKUP_WINDOW;
        b.preferredMaintenanceWindow = in.preferredMaintenanceWindow() != null ? in.preferredMaintenanceWindow().toLowerCase(java.util.Locale.ROOT)
                : NewInstances.MAINTENANCE_WINDOW;
        b.deletionProtection = Boolean.TRUE.equals(in.deletionProtection());
        b.licenseModel = engine.licenseModel();
        b.autoMinorVersionUpgrade = in.autoMinorVersionUpgrade() == null || in.autoMinorVersionUpgrade();
        b.copyTagsToSnapshot = Boolean.TRUE.equals(in.copyTagsToSnapshot());
        b.storageEncrypted = Boolean.TRUE.equals(in.storageEncrypted());
        b.caCertificateIdentifier = in.caCertificateIdentifier() != null ? in.caCertificateIdentifier() : CA_CERTIFICATE;
        NewInstances.Asked asked = new NewInstances.Asked(in.dbSubnetGroupName(), in.vpcSecurityGroupIds(), in.dbParameterGroupName(),
                in.optionGroupName(), in.availabilityZone());
        VpcDirectory directory = vpcs.get();
        DBInstance out = ctx.write(tx -> Instances.toSdk(tx,
                NewInstances.create(ctx, tx, directory, identifier, engine, version, b, asked, in.tags(), null)));
        return CreateDbInstanceResponse.builder().dbInstance(out).build();
    }

    /** The class, known to Kumo; RDS names the whole combination when it refuses one. */
    static String instanceClass(String name, Engine engine, Engine.Version version) {
        if (name == null || name.isEmpty()) {
            throw RdsErrors.missing("DBInstanceClass");
        }
        if (InstanceClasses.find(name).isEmpty()) {
            throw RdsErrors.invalidCombination("RDS does not support creating a DB instance with the following combination: DBInstanceClass="
                    + name + ", Engine=" + engine.name() + ", EngineVersion=" + version.version() + ", LicenseModel="
                    + engine.licenseModel() + ".");
        }
        return name;
    }
}
