package io.kumo.rds.snapshot;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.rds.instance.DbInstanceRecord;
import io.kumo.rds.instance.InstanceStatus;
import io.kumo.rds.instance.Instances;
import io.kumo.rds.support.Identifiers;
import io.kumo.rds.support.RdsErrors;
import software.amazon.awssdk.services.rds.model.CreateDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.CreateDbSnapshotResponse;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

/** CreateDBSnapshot of an available instance: the snapshot is "creating" and the instance "backing-up" until the runtime has copied the data. */
final class CreateDBSnapshot implements Handler<CreateDbSnapshotRequest, CreateDbSnapshotResponse> {

    @Override
    public CreateDbSnapshotResponse handle(RequestContext ctx, CreateDbSnapshotRequest in) {
        String identifier = Identifiers.snapshot(in.dbSnapshotIdentifier(), "DBSnapshotIdentifier");
        DBSnapshot out = ctx.write(tx -> {
            DbInstanceRecord instance = Instances.require(tx, in.dbInstanceIdentifier());
            if (!instance.status().equals(InstanceStatus.AVAILABLE)) {
                throw RdsErrors.invalidInstanceState("Cannot create a snapshot because the database instance " + instance.identifier()
                        + " is not currently in the available state.");
            }
            DbSnapshotRecord snapshot = Snapshots.startManual(ctx, tx, identifier, instance, in.tags());
            tx.put(DbInstanceRecord.TABLE, instance.identifier(), instance.withStatus(InstanceStatus.BACKING_UP));
            return Snapshots.toSdk(tx, snapshot);
        });
        return CreateDbSnapshotResponse.builder().dbSnapshot(out).build();
    }
}
