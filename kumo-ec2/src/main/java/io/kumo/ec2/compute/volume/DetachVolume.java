package io.kumo.ec2.compute.volume;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.instance.InstanceRecord;
import io.kumo.ec2.compute.instance.InstanceState;
import software.amazon.awssdk.services.ec2.model.DetachVolumeRequest;
import software.amazon.awssdk.services.ec2.model.DetachVolumeResponse;

/** DetachVolume: a data volume at any time, the root volume only while its instance is stopped. */
public final class DetachVolume implements Handler<DetachVolumeRequest, DetachVolumeResponse> {

    @Override
    public DetachVolumeResponse handle(RequestContext ctx, DetachVolumeRequest in) {
        return ctx.write(tx -> {
            VolumeRecord v = VolumeLookup.require(tx, in.volumeId());
            VolumeRecord.Attachment a = v.attachment();
            if (a == null) {
                throw AwsException.badRequest("IncorrectState", "Volume '" + v.volumeId() + "' is in the 'available' state.");
            }
            if ((in.instanceId() != null && !in.instanceId().equals(a.instanceId())) || (in.device() != null && !in.device().equals(a.device()))) {
                throw AwsException.badRequest("InvalidAttachment.NotFound", "The volume " + v.volumeId() + " is not attached to instance "
                        + (in.instanceId() == null ? a.instanceId() : in.instanceId()) + " as device " + (in.device() == null ? a.device() : in.device()));
            }
            InstanceRecord instance = tx.get(InstanceRecord.TABLE, a.instanceId()).orElse(null);
            if (instance != null && a.device().equals(instance.launch().rootDeviceName()) && instance.state() != InstanceState.STOPPED
                    && !Boolean.TRUE.equals(in.force())) {
                throw AwsException.badRequest("IncorrectState", "Unable to detach root volume '" + v.volumeId() + "' from instance '"
                        + a.instanceId() + "'");
            }
            tx.put(VolumeRecord.TABLE, v.volumeId(), v.withAttachment(null));
            return DetachVolumeResponse.builder()
                    .volumeId(v.volumeId()).instanceId(a.instanceId()).device(a.device())
                    .state("detaching").attachTime(a.attachTime()).deleteOnTermination(a.deleteOnTermination())
                    .build();
        });
    }
}
