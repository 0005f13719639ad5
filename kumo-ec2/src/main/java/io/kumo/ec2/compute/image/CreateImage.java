package io.kumo.ec2.compute.image;

import io.kumo.core.Ids;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.compute.instance.InstanceRecord;
import io.kumo.ec2.compute.instance.InstanceState;
import io.kumo.ec2.compute.volume.VolumeRecord;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.CreateImageRequest;
import software.amazon.awssdk.services.ec2.model.CreateImageResponse;

import java.time.Instant;
import java.util.List;

/**
 * CreateImage: registers a pending image of a running or stopped instance, with a pending snapshot
 * of its root volume, and records the build ({@link ImageBuildRecord}) that freezes the instance's
 * writable layer into it. The image becomes available when the build completes.
 */
public final class CreateImage implements Handler<CreateImageRequest, CreateImageResponse> {
    private static final List<String> TAGGABLE = List.of("image", "snapshot");

    @Override
    public CreateImageResponse handle(RequestContext ctx, CreateImageRequest in) {
        if (in.instanceId() == null) {
            throw Ec2Errors.missingParameter("InstanceId");
        }
        String name = ImageNames.check(in.name());
        return ctx.write(tx -> {
            InstanceRecord instance = Lookups.require(tx, ComputeKinds.INSTANCE, in.instanceId());
            InstanceState state = instance.state();
            if (state != InstanceState.RUNNING && state != InstanceState.STOPPING && state != InstanceState.STOPPED) {
                throw Ec2Errors.invalidParameterValue("Invalid value '" + instance.instanceId()
                        + "' for instanceId. Instance is not in state 'running' or 'stopping' or 'stopped'");
            }
            ImageNames.requireUnused(tx, name);
            String imageId = Ids.ec2("ami");
            String snapshotId = Ids.ec2("snap");
            Instant now = ctx.receivedAt();
            SnapshotRecord snapshot = rootSnapshot(tx, instance, snapshotId, imageId, now);
            ImageRecord.BlockDevice root = new ImageRecord.BlockDevice(instance.launch().rootDeviceName(), snapshotId,
                    snapshot.volumeSize(), rootVolumeType(tx, instance), rootDeleteOnTermination(tx, instance), snapshot.encrypted());
            InstanceRecord.Launch launch = instance.launch();
            ImageRecord image = new ImageRecord(imageId, name, in.description(), ctx.accountId(), null, ctx.accountId() + "/" + name,
                    launch.architecture(), launch.platformDetails(), launch.rootDeviceName(),
                    ImageDevices.plan(tx, root, in.blockDeviceMappings()), false, ImageRecord.creationDate(now), ImageRecord.PENDING,
                    launch.bootMode(), launch.imageId(), instance.instanceId(), null,
                    Images.family(tx, launch.imageId()).orElse(null));
            tx.put(SnapshotRecord.TABLE, snapshotId, snapshot);
            tx.put(ImageRecord.TABLE, imageId, image);
            boolean reboot = !Boolean.TRUE.equals(in.noReboot()) && state == InstanceState.RUNNING;
            tx.put(ImageBuildRecord.TABLE, imageId, ImageBuildRecord.ofInstance(imageId, instance.instanceId(), snapshotId, reboot, now,
                    launch.imageId()));
            Tags.applySpecifications(tx, imageId, "image", in.tagSpecifications(), TAGGABLE);
            Tags.applySpecifications(tx, snapshotId, "snapshot", in.tagSpecifications(), TAGGABLE);
            return CreateImageResponse.builder().imageId(imageId).build();
        });
    }

    /** The snapshot of the root volume as EC2 describes those CreateImage makes. */
    private static SnapshotRecord rootSnapshot(Tx tx, InstanceRecord instance, String snapshotId, String imageId, Instant now) {
        String description = "Created by CreateImage(" + instance.instanceId() + ") for " + imageId;
        return rootVolume(tx, instance)
                .map(v -> new SnapshotRecord(snapshotId, v.volumeId(), v.size(), description, instance.ownerId(), null, now,
                        SnapshotRecord.PENDING, v.encrypted()))
                // A stopped instance may have had its root volume detached; its source image's root then tells the size.
                .orElseGet(() -> new SnapshotRecord(snapshotId, "vol-ffffffff", sourceRoot(tx, instance).volumeSize(), description,
                        instance.ownerId(), null, now, SnapshotRecord.PENDING, false));
    }

    private static String rootVolumeType(Tx tx, InstanceRecord instance) {
        return rootVolume(tx, instance).map(VolumeRecord::volumeType).orElseGet(() -> sourceRoot(tx, instance).volumeType());
    }

    private static boolean rootDeleteOnTermination(Tx tx, InstanceRecord instance) {
        return rootVolume(tx, instance).map(v -> v.attachment().deleteOnTermination()).orElse(true);
    }

    private static java.util.Optional<VolumeRecord> rootVolume(Tx tx, InstanceRecord instance) {
        return tx.list(VolumeRecord.TABLE).stream()
                .filter(v -> v.attachedTo(instance.instanceId()) && v.attachment().device().equals(instance.launch().rootDeviceName()))
                .findFirst();
    }

    private static ImageRecord.BlockDevice sourceRoot(Tx tx, InstanceRecord instance) {
        return Images.find(tx, instance.launch().imageId()).map(ImageRecord::rootDevice)
                .orElse(new ImageRecord.BlockDevice(instance.launch().rootDeviceName(), null, ImageCatalogue.ROOT_VOLUME_GIB, "gp2",
                        true, false));
    }
}
