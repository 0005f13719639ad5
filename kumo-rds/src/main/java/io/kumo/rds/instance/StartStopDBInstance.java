package io.kumo.rds.instance;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.rds.support.RdsErrors;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.StartDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.StartDbInstanceResponse;
import software.amazon.awssdk.services.rds.model.StopDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.StopDbInstanceResponse;

/** StopDBInstance (available → stopping) and StartDBInstance (stopped → starting); the runtime finishes both. */
final class StartStopDBInstance {

    private StartStopDBInstance() {
    }

    static final class Stop implements Handler<StopDbInstanceRequest, StopDbInstanceResponse> {
        @Override
        public StopDbInstanceResponse handle(RequestContext ctx, StopDbInstanceRequest in) {
            if (in.dbSnapshotIdentifier() != null) {
                throw RdsErrors.invalidCombination("Kumo does not take a snapshot when stopping (DBSnapshotIdentifier).");
            }
            return StopDbInstanceResponse.builder().dbInstance(move(ctx, in.dbInstanceIdentifier(), InstanceStatus.AVAILABLE,
                    InstanceStatus.STOPPING)).build();
        }
    }

    static final class Start implements Handler<StartDbInstanceRequest, StartDbInstanceResponse> {
        @Override
        public StartDbInstanceResponse handle(RequestContext ctx, StartDbInstanceRequest in) {
            return StartDbInstanceResponse.builder().dbInstance(move(ctx, in.dbInstanceIdentifier(), InstanceStatus.STOPPED,
                    InstanceStatus.STARTING)).build();
        }
    }

    private static DBInstance move(RequestContext ctx, String identifier, String from, String to) {
        return ctx.write(tx -> {
            DbInstanceRecord i = Instances.require(tx, identifier);
            if (!i.status().equals(from)) {
                throw RdsErrors.invalidInstanceState("Instance " + i.identifier() + " is not in " + from + " state; it is " + i.status() + ".");
            }
            DbInstanceRecord next = i.withStatus(to);
            tx.put(DbInstanceRecord.TABLE, next.identifier(), next);
            return Instances.toSdk(tx, next);
        });
    }
}
