package io.kumo.rds.snapshot;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.rds.support.RdsErrors;
import io.kumo.rds.tag.Tags;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DeleteDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbSnapshotResponse;

/**
 * DeleteDBSnapshot: an available manual snapshot; answered with its last description, "deleted".
 * The runtime removes the copied data of snapshots that are no longer in the table.
 */
final class DeleteDBSnapshot implements Handler<DeleteDbSnapshotRequest, DeleteDbSnapshotResponse> {

    @Override
    public DeleteDbSnapshotResponse handle(RequestContext ctx, DeleteDbSnapshotRequest in) {
        DBSnapshot out = ctx.write(tx -> {
            DbSnapshotRecord s = Snapshots.require(tx, in.dbSnapshotIdentifier());
            if (s.snapshotType().equals(DbSnapshotRecord.AUTOMATED)) {
                throw RdsErrors.of("InvalidDBSnapshotState", "Automated snapshots cannot be deleted; they go with their instance's retention period.");
            }
            if (!s.status().equals(DbSnapshotRecord.AVAILABLE)) {
                throw RdsErrors.of("InvalidDBSnapshotState", "Cannot delete the snapshot because it is not in available state.");
            }
            DBSnapshot last = Snapshots.toSdk(s.withStatus("deleted"), Tags.toSdk(tx, s.arn()));
            tx.delete(DbSnapshotRecord.TABLE, s.identifier());
            Tags.forget(tx, s.arn());
            return last;
        });
        return DeleteDbSnapshotResponse.builder().dbSnapshot(out).build();
    }
}
