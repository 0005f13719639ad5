package io.kumo.ec2.compute.volume;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeErrors;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.compute.instance.InstanceRecord;
import io.kumo.ec2.compute.instance.InstanceState;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.AttachVolumeRequest;
import software.amazon.awssdk.services.ec2.model.AttachVolumeResponse;

/** AttachVolume: an available volume to a running or stopped instance in the same zone, at a free device name. */
public final class AttachVolume implements Handler<AttachVolumeRequest, AttachVolumeResponse> {

    @Override
    public AttachVolumeResponse handle(RequestContext ctx, AttachVolumeRequest in) {
        return ctx.write(tx -> {
            VolumeRecord v = VolumeLookup.require(tx, in.volumeId());
            InstanceRecord instance = Lookups.require(tx, ComputeKinds.INSTANCE, in.instanceId());
            if (v.attachment() != null) {
                throw AwsException.badRequest("VolumeInUse", v.volumeId() + " is already attached to an instance");
            }
            if (instance.state() != InstanceState.RUNNING && instance.state() != InstanceState.STOPPED) {
                throw ComputeErrors.incorrectInstanceState("Instance '" + instance.instanceId() + "' is not 'running' or 'stopped'.");
            }
            if (!v.availabilityZone().equals(instance.launch().availabilityZone())) {
                throw AwsException.badRequest("InvalidVolume.ZoneMismatch", "The volume '" + v.volumeId()
                        + "' is not in the same availability zone as instance '" + instance.instanceId() + "'");
            }
            boolean taken = tx.list(VolumeRecord.TABLE).stream()
                    .anyMatch(o -> o.attachedTo(instance.instanceId()) && o.attachment().device().equals(in.device()));
            if (taken) {
                throw Ec2Errors.invalidParameterValue("Invalid value '" + in.device() + "' for unixDevice. Attachment point "
                        + in.device() + " is already in use");
            }
            VolumeRecord.Attachment attachment = new VolumeRecord.Attachment(instance.instanceId(), in.device(), "attached",
                    ctx.receivedAt(), false);
            tx.put(VolumeRecord.TABLE, v.volumeId(), v.withAttachment(attachment));
            return AttachVolumeResponse.builder()
                    .volumeId(v.volumeId()).instanceId(instance.instanceId()).device(in.device())
                    .state("attaching").attachTime(attachment.attachTime()).deleteOnTermination(false)
                    .build();
        });
    }
}
