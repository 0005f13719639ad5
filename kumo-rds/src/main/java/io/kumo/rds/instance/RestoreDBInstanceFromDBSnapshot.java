package io.kumo.rds.instance;

import io.kumo.core.RequestContext;
import io.kumo.core.network.VpcDirectory;
import io.kumo.core.service.Handler;
import io.kumo.rds.engine.Engine;
import io.kumo.rds.engine.EngineVersions;
import io.kumo.rds.engine.Storage;
import io.kumo.rds.snapshot.DbSnapshotRecord;
import io.kumo.rds.snapshot.Snapshots;
import io.kumo.rds.support.Identifiers;
import io.kumo.rds.support.RdsErrors;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceFromDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceFromDbSnapshotResponse;

import java.util.function.Supplier;

/**
 * RestoreDBInstanceFromDBSnapshot: a new instance, "creating", whose data (master user and
 * password, databases) comes from an available snapshot ({@link DbInstanceRecord#restoredFromSnapshot}).
 * Engine and version are the snapshot's; class, storage, network and groups may be chosen anew.
 */
final class RestoreDBInstanceFromDBSnapshot implements Handler<RestoreDbInstanceFromDbSnapshotRequest, RestoreDbInstanceFromDbSnapshotResponse> {
    private final Supplier<VpcDirectory> vpcs;

    RestoreDBInstanceFromDBSnapshot(Supplier<VpcDirectory> vpcs) {
        this.vpcs = vpcs;
    }

    @Override
    public RestoreDbInstanceFromDbSnapshotResponse handle(RequestContext ctx, RestoreDbInstanceFromDbSnapshotRequest in) {
        String identifier = Identifiers.instance(in.dbInstanceIdentifier(), "DBInstanceIdentifier");
        VpcDirectory directory = vpcs.get();
        DBInstance out = ctx.write(tx -> {
            DbSnapshotRecord snapshot = Snapshots.require(tx, in.dbSnapshotIdentifier());
            if (!snapshot.status().equals(DbSnapshotRecord.AVAILABLE)) {
                throw RdsErrors.of("InvalidDBSnapshotState", "Snapshot " + snapshot.identifier() + " is not in available state.");
            }
            InstanceSettings from = snapshot.source();
            Engine engine = EngineVersions.require(from.engine());
            Engine.Version version = EngineVersions.version(engine, from.engineVersion());
            InstanceSettings.Builder b = from.toBuilder();
            if (in.dbInstanceClass() != null) {
                b.instanceClass = CreateDBInstance.instanceClass(in.dbInstanceClass(), engine, version);
            }
            if (in.storageType() != null) {
                b.storageType = Storage.checkType(in.storageType());
            }
            if (in.allocatedStorage() != null) {
                if (in.allocatedStorage() < from.allocatedStorage()) {
                    throw RdsErrors.invalidValue("The allocated storage of a restored instance cannot be smaller than the snapshot's ("
                            + from.allocatedStorage() + ").");
                }
                b.allocatedStorage = Storage.checkSize(in.allocatedStorage(), engine.name(), b.storageType);
            }
            b.port = InstanceRules.port(engine, in.port() != null ? in.port() : from.port());
            b.multiAz = Boolean.TRUE.equals(in.multiAZ());
            b.publiclyAccessible = Boolean.TRUE.equals(in.publiclyAccessible());
            b.deletionProtection = Boolean.TRUE.equals(in.deletionProtection());
            b.copyTagsToSnapshot = Boolean.TRUE.equals(in.copyTagsToSnapshot());
            if (in.autoMinorVersionUpgrade() != null) {
                b.autoMinorVersionUpgrade = in.autoMinorVersionUpgrade();
            }
            NewInstances.Asked asked = new NewInstances.Asked(in.dbSubnetGroupName(), in.vpcSecurityGroupIds(),
                    in.dbParameterGroupName(), in.optionGroupName(), in.availabilityZone());
            DbInstanceRecord created = NewInstances.create(ctx, tx, directory, identifier, engine, version, b, asked, in.tags(),
                    snapshot.identifier());
            return Instances.toSdk(tx, created);
        });
        return RestoreDbInstanceFromDbSnapshotResponse.builder().dbInstance(out).build();
    }
}
