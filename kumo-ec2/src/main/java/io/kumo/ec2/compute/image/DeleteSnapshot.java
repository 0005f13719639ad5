package io.kumo.ec2.compute.image;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeErrors;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.DeleteSnapshotRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSnapshotResponse;

/**
 * DeleteSnapshot: refused while a registered image is made from the snapshot (the catalogue's
 * snapshots always are); volumes created from it do not hold it.
 */
public final class DeleteSnapshot implements Handler<DeleteSnapshotRequest, DeleteSnapshotResponse> {

    @Override
    public DeleteSnapshotResponse handle(RequestContext ctx, DeleteSnapshotRequest in) {
        if (in.snapshotId() == null) {
            throw Ec2Errors.missingParameter("SnapshotId");
        }
        String snapshotId = ComputeKinds.SNAPSHOT.check(in.snapshotId());
        return ctx.write(tx -> {
            boolean known = tx.get(SnapshotRecord.TABLE, snapshotId).isPresent()
                    || ImageCatalogue.snapshot(tx.scope().region(), snapshotId).isPresent();
            if (!known) {
                throw ComputeErrors.snapshotNotFound(snapshotId);
            }
            Snapshots.usedBy(tx, snapshotId).ifPresent(imageId -> {
                throw AwsException.badRequest("InvalidSnapshot.InUse", "The snapshot " + snapshotId + " is currently in use by " + imageId);
            });
            Snapshots.delete(tx, snapshotId);
            return DeleteSnapshotResponse.builder().build();
        });
    }
}
