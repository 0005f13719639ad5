package io.kumo.ec2.compute.volume;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.DeleteVolumeRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVolumeResponse;

/** DeleteVolume: only a volume that is not attached (VolumeInUse otherwise). */
public final class DeleteVolume implements Handler<DeleteVolumeRequest, DeleteVolumeResponse> {

    @Override
    public DeleteVolumeResponse handle(RequestContext ctx, DeleteVolumeRequest in) {
        return ctx.write(tx -> {
            VolumeRecord v = VolumeLookup.require(tx, in.volumeId());
            if (v.attachment() != null) {
                throw AwsException.badRequest("VolumeInUse", "Volume " + v.volumeId() + " is currently attached to " + v.attachment().instanceId());
            }
            tx.delete(VolumeRecord.TABLE, v.volumeId());
            Tags.deleteAll(tx, v.volumeId());
            return DeleteVolumeResponse.builder().build();
        });
    }
}
