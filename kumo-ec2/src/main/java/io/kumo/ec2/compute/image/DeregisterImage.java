package io.kumo.ec2.compute.image;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.ComputeErrors;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.DeleteSnapshotReturnCode;
import software.amazon.awssdk.services.ec2.model.DeregisterImageRequest;
import software.amazon.awssdk.services.ec2.model.DeregisterImageResponse;
import software.amazon.awssdk.services.ec2.model.SnapshotReturnCodes;

import java.util.ArrayList;
import java.util.List;

/**
 * DeregisterImage: the account's own image leaves at once, pending or not (a build in progress is
 * abandoned); instances launched from it keep running. Its snapshots stay unless
 * DeleteAssociatedSnapshots asks otherwise; one another image still uses is skipped.
 */
public final class DeregisterImage implements Handler<DeregisterImageRequest, DeregisterImageResponse> {

    @Override
    public DeregisterImageResponse handle(RequestContext ctx, DeregisterImageRequest in) {
        if (in.imageId() == null) {
            throw Ec2Errors.missingParameter("ImageId");
        }
        String imageId = ComputeKinds.IMAGE.check(in.imageId());
        return ctx.write(tx -> {
            if (tx.get(DeregisteredImage.TABLE, imageId).isPresent()) {
                throw AwsException.badRequest("InvalidAMIID.Unavailable", "The image ID '" + imageId + "' is no longer available");
            }
            if (ImageCatalogue.image(tx.scope().region(), imageId).isPresent()) {
                throw AwsException.badRequest("AuthFailure", "Not authorized for image:" + imageId);
            }
            ImageRecord image = tx.get(ImageRecord.TABLE, imageId).orElseThrow(() -> ComputeErrors.imageNotFound(List.of(imageId)));
            tx.delete(ImageRecord.TABLE, imageId);
            tx.delete(ImageBuildRecord.TABLE, imageId);
            Tags.deleteAll(tx, imageId);
            tx.put(DeregisteredImage.TABLE, imageId, new DeregisteredImage(imageId, ctx.receivedAt()));
            List<DeleteSnapshotReturnCode> results = Boolean.TRUE.equals(in.deleteAssociatedSnapshots())
                    ? deleteSnapshots(tx, image) : List.of();
            return DeregisterImageResponse.builder().returnValue(true).deleteSnapshotResults(results).build();
        });
    }

    private static List<DeleteSnapshotReturnCode> deleteSnapshots(Tx tx, ImageRecord image) {
        List<DeleteSnapshotReturnCode> results = new ArrayList<>();
        for (ImageRecord.BlockDevice device : image.blockDevices()) {
            String snapshotId = device.snapshotId();
            if (snapshotId == null || tx.get(SnapshotRecord.TABLE, snapshotId).isEmpty()) {
                continue;
            }
            boolean inUse = Snapshots.usedBy(tx, snapshotId).isPresent();
            if (!inUse) {
                Snapshots.delete(tx, snapshotId);
            }
            SnapshotReturnCodes code = inUse ? SnapshotReturnCodes.SKIPPED : SnapshotReturnCodes.SUCCESS;
            results.add(DeleteSnapshotReturnCode.builder().snapshotId(snapshotId).returnCode(code).build());
        }
        return results;
    }
}
