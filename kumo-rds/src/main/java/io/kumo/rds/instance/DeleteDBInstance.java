package io.kumo.rds.instance;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.rds.snapshot.Snapshots;
import io.kumo.rds.support.Identifiers;
import io.kumo.rds.support.RdsErrors;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DeleteDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbInstanceResponse;

/**
 * DeleteDBInstance: SkipFinalSnapshot, or a FinalDBSnapshotIdentifier (recorded at once as a
 * "creating" snapshot). The instance is "deleting" until the runtime has stopped its servers and
 * removed the record; DescribeDBInstances then answers DBInstanceNotFound.
 */
final class DeleteDBInstance implements Handler<DeleteDbInstanceRequest, DeleteDbInstanceResponse> {

    @Override
    public DeleteDbInstanceResponse handle(RequestContext ctx, DeleteDbInstanceRequest in) {
        boolean skip = Boolean.TRUE.equals(in.skipFinalSnapshot());
        String finalSnapshot = in.finalDBSnapshotIdentifier();
        if (skip && finalSnapshot != null) {
            throw RdsErrors.invalidCombination("Cannot specify both SkipFinalSnapshot and FinalDBSnapshotIdentifier.");
        }
        if (!skip && finalSnapshot == null) {
            throw RdsErrors.invalidCombination("FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.");
        }
        String snapshotId = finalSnapshot == null ? null : Identifiers.snapshot(finalSnapshot, "FinalDBSnapshotIdentifier");
        DBInstance out = ctx.write(tx -> {
            DbInstanceRecord i = Instances.require(tx, in.dbInstanceIdentifier());
            if (i.status().equals(InstanceStatus.DELETING)) {
                throw RdsErrors.invalidInstanceState("Instance " + i.identifier() + " is already being deleted.");
            }
            if (i.settings().deletionProtection()) {
                throw RdsErrors.invalidCombination("Cannot delete protected DB Instance, please disable deletion protection and try again.");
            }
            if (snapshotId != null) {
                if (i.status().equals(InstanceStatus.CREATING)) {
                    throw RdsErrors.invalidInstanceState("Instance " + i.identifier() + " is currently creating - a final snapshot cannot be taken.");
                }
                if (i.status().equals(InstanceStatus.FAILED) || i.status().equals(InstanceStatus.INCOMPATIBLE_PARAMETERS)) {
                    // Kumo's snapshots are taken from a running server, and these have none
                    throw RdsErrors.invalidInstanceState("Instance " + i.identifier() + " is in " + i.status() + " state - a final snapshot cannot be taken.");
                }
                Snapshots.startManual(ctx, tx, snapshotId, i, java.util.List.of());
            }
            DbInstanceRecord next = i.deleting(snapshotId);
            tx.put(DbInstanceRecord.TABLE, next.identifier(), next);
            return Instances.toSdk(tx, next);
        });
        return DeleteDbInstanceResponse.builder().dbInstance(out).build();
    }
}
