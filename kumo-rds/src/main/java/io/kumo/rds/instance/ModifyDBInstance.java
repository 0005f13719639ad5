package io.kumo.rds.instance;

import io.kumo.core.RequestContext;
import io.kumo.core.network.VpcDirectory;
import io.kumo.core.service.Handler;
import io.kumo.rds.engine.Engine;
import io.kumo.rds.engine.EngineVersions;
import io.kumo.rds.engine.Storage;
import io.kumo.rds.support.RdsErrors;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceResponse;

import java.util.function.Supplier;

/**
 * ModifyDBInstance on an available instance. Class, storage and Multi-AZ become pending
 * modifications, applied by the runtime at once with ApplyImmediately (the instance is then
 * "modifying"). The rest takes effect in the settings at once, as on RDS: a new master password
 * (the runtime sets it; "resetting-master-credentials"), security groups, parameter group (its
 * parameters "applying"), backup retention, deletion protection, public accessibility.
 */
final class ModifyDBInstance implements Handler<ModifyDbInstanceRequest, ModifyDbInstanceResponse> {
    private final Supplier<VpcDirectory> vpcs;

    ModifyDBInstance(Supplier<VpcDirectory> vpcs) {
        this.vpcs = vpcs;
    }

    @Override
    public ModifyDbInstanceResponse handle(RequestContext ctx, ModifyDbInstanceRequest in) {
        if (in.newDBInstanceIdentifier() != null) {
            throw RdsErrors.invalidCombination("Kumo does not rename DB instances (NewDBInstanceIdentifier).");
        }
        if (in.engineVersion() != null) {
            throw RdsErrors.invalidCombination("Kumo does not upgrade DB instances (EngineVersion).");
        }
        boolean immediately = Boolean.TRUE.equals(in.applyImmediately());
        VpcDirectory directory = vpcs.get();
        DBInstance out = ctx.write(tx -> {
            DbInstanceRecord i = Instances.require(tx, in.dbInstanceIdentifier());
            if (!i.status().equals(InstanceStatus.AVAILABLE)) {
                throw RdsErrors.invalidInstanceState("Database instance is not in available state.");
            }
            Engine engine = EngineVersions.require(i.settings().engine());
            Engine.Version version = EngineVersions.version(engine, i.settings().engineVersion());
            PendingModifications asked = pendingAsked(in, i, engine, version);
            InstanceSettings.Builder b = i.settings().toBuilder();
            Observed observed = i.observed();
            boolean newPassword = in.masterUserPassword() != null;
            if (newPassword) {
                b.masterUserPassword = InstanceRules.masterPassword(engine, in.masterUserPassword());
                asked = asked.plus(new PendingModifications(null, null, null, true, null, null));
            }
            if (in.hasVpcSecurityGroupIds()) {
                b.vpcSecurityGroupIds = Placement.securityGroups(tx, directory, in.vpcSecurityGroupIds(), i.settings().vpcId());
            }
            if (in.dbParameterGroupName() != null) {
                String group = Placement.parameterGroup(tx, in.dbParameterGroupName(), version);
                if (!group.equals(i.settings().parameterGroupName())) {
                    b.parameterGroupName = group;
                    observed = observed.withParameters(InstanceStatus.PARAMETERS_APPLYING, observed.appliedParameterRevision());
                }
            }
            b.backupRetentionPeriod = InstanceRules.backupRetention(in.backupRetentionPeriod(), b.backupRetentionPeriod);
            if (in.deletionProtection() != null) {
                b.deletionProtection = in.deletionProtection();
            }
            if (in.publiclyAccessible() != null) {
                Placement.publiclyAccessible(tx, directory, i.settings().vpcId(), in.publiclyAccessible());
                b.publiclyAccessible = in.publiclyAccessible();
            }
            if (in.copyTagsToSnapshot() != null) {
                b.copyTagsToSnapshot = in.copyTagsToSnapshot();
            }
            boolean structural = !asked.withoutPassword().isEmpty();
            String status = immediately && structural ? InstanceStatus.MODIFYING
                    : newPassword ? InstanceStatus.RESETTING_MASTER_CREDENTIALS : i.status();
            DbInstanceRecord next = i.withSettings(b.build()).withPending(i.pending().plus(asked)).withObserved(observed.withStatus(status));
            tx.put(DbInstanceRecord.TABLE, next.identifier(), next);
            return Instances.toSdk(tx, next);
        });
        return ModifyDbInstanceResponse.builder().dbInstance(out).build();
    }

    /** Class, storage, storage type and Multi-AZ: the changes that wait for the runtime, when they change anything. */
    private static PendingModifications pendingAsked(ModifyDbInstanceRequest in, DbInstanceRecord i, Engine engine, Engine.Version version) {
        InstanceSettings s = i.settings();
        String instanceClass = null;
        if (in.dbInstanceClass() != null && !in.dbInstanceClass().equals(s.instanceClass())) {
            instanceClass = CreateDBInstance.instanceClass(in.dbInstanceClass(), engine, version);
        }
        String storageType = in.storageType() == null || in.storageType().equals(s.storageType()) ? null : Storage.checkType(in.storageType());
        Integer storage = null;
        if (in.allocatedStorage() != null && in.allocatedStorage() != s.allocatedStorage()) {
            if (in.allocatedStorage() < s.allocatedStorage()) {
                throw RdsErrors.invalidValue("Invalid storage size: allocated storage cannot be decreased (from "
                        + s.allocatedStorage() + " to " + in.allocatedStorage() + ").");
            }
            storage = Storage.checkSize(in.allocatedStorage(), engine.name(), storageType != null ? storageType : s.storageType());
        }
        Boolean multiAz = in.multiAZ() == null || in.multiAZ() == s.multiAz() ? null : in.multiAZ();
        return new PendingModifications(instanceClass, storage, multiAz, null, null, storageType);
    }
}
