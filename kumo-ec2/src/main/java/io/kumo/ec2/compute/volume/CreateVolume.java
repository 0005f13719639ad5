package io.kumo.ec2.compute.volume;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.regions.Regions;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeErrors;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.compute.image.ImageCatalogue;
import io.kumo.ec2.compute.image.SnapshotRecord;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.CreateVolumeRequest;
import software.amazon.awssdk.services.ec2.model.CreateVolumeResponse;

import java.util.List;

/** CreateVolume: a new EBS volume in a zone, empty or from a snapshot; available at once. */
public final class CreateVolume implements Handler<CreateVolumeRequest, CreateVolumeResponse> {

    @Override
    public CreateVolumeResponse handle(RequestContext ctx, CreateVolumeRequest in) {
        String zone = in.availabilityZone();
        if (zone == null && in.availabilityZoneId() != null) {
            zone = Regions.find(ctx.region()).flatMap(r -> r.zoneById(in.availabilityZoneId())).map(z -> z.name())
                    .orElseThrow(() -> AwsException.badRequest("InvalidZone.NotFound", "The zone '" + in.availabilityZoneId() + "' does not exist."));
        }
        if (zone == null) {
            throw Ec2Errors.missingParameter("AvailabilityZone");
        }
        String zoneName = zone;
        if (Regions.find(ctx.region()).flatMap(r -> r.zone(zoneName)).isEmpty()) {
            throw AwsException.badRequest("InvalidZone.NotFound", "The zone '" + zoneName + "' does not exist.");
        }
        if (in.size() == null && in.snapshotId() == null) {
            throw Ec2Errors.missingParameter("size or snapshotId");
        }
        String type = Volumes.checkType(in.volumeTypeAsString() == null ? "gp2" : in.volumeTypeAsString());
        return ctx.write(tx -> {
            int size;
            if (in.snapshotId() != null) {
                ComputeKinds.SNAPSHOT.check(in.snapshotId());
                SnapshotRecord snapshot = ImageCatalogue.snapshot(tx.scope().region(), in.snapshotId())
                        .or(() -> tx.get(SnapshotRecord.TABLE, in.snapshotId()))
                        .orElseThrow(() -> ComputeErrors.snapshotNotFound(in.snapshotId()));
                size = in.size() == null ? snapshot.volumeSize() : in.size();
                if (size < snapshot.volumeSize()) {
                    throw Ec2Errors.invalidParameterValue("The volume size is invalid for the given snapshot: the size must be at least "
                            + snapshot.volumeSize() + " GiB.");
                }
            } else {
                size = in.size();
            }
            Volumes.checkSize(type, size);
            VolumeRecord v = Volumes.create(tx, size, type, in.iops(), in.throughput(), in.snapshotId(), zoneName,
                    Boolean.TRUE.equals(in.encrypted()), ctx.receivedAt(), null);
            Tags.applySpecifications(tx, v.volumeId(), "volume", in.tagSpecifications(), List.of("volume"));
            return CreateVolumeResponse.builder()
                    .volumeId(v.volumeId())
                    .size(v.size())
                    .volumeType(v.volumeType())
                    .iops(v.iops())
                    .throughput(v.throughput())
                    .snapshotId(v.snapshotId())
                    .availabilityZone(v.availabilityZone())
                    .state(v.state())
                    .createTime(v.createTime())
                    .encrypted(v.encrypted())
                    .multiAttachEnabled(v.multiAttachEnabled())
                    .attachments(List.of())
                    .tags(Tags.sdkTags(tx, v.volumeId()))
                    .build();
        });
    }
}
