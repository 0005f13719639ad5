package io.kumo.rds.instance;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.rds.support.RdsErrors;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.RebootDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.RebootDbInstanceResponse;

/** RebootDBInstance: "rebooting" until the runtime has restarted (or, with ForceFailover, failed over) the servers. */
final class RebootDBInstance implements Handler<RebootDbInstanceRequest, RebootDbInstanceResponse> {

    @Override
    public RebootDbInstanceResponse handle(RequestContext ctx, RebootDbInstanceRequest in) {
        boolean failover = Boolean.TRUE.equals(in.forceFailover());
        DBInstance out = ctx.write(tx -> {
            DbInstanceRecord i = Instances.require(tx, in.dbInstanceIdentifier());
            // incompatible-parameters: rebooting after fixing the group is how RDS's users get out of it
            if (!i.status().equals(InstanceStatus.AVAILABLE) && !i.status().equals(InstanceStatus.INCOMPATIBLE_PARAMETERS)) {
                throw RdsErrors.invalidInstanceState("DBInstance " + i.identifier() + " is not in available state.");
            }
            if (failover && !i.settings().multiAz()) {
                throw RdsErrors.invalidCombination("Reboot with failover is only valid for Multi-AZ DB instances.");
            }
            DbInstanceRecord next = i.withReboot(new DbInstanceRecord.Reboot(ctx.receivedAt(), failover)).withStatus(InstanceStatus.REBOOTING);
            tx.put(DbInstanceRecord.TABLE, next.identifier(), next);
            return Instances.toSdk(tx, next);
        });
        return RebootDbInstanceResponse.builder().dbInstance(out).build();
    }
}
