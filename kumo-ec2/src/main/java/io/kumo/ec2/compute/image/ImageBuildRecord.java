package io.kumo.ec2.compute.image;

import io.kumo.core.store.Table;

import java.time.Instant;

/**
 * An image CreateImage has registered but whose contents are not frozen yet: "freeze instance
 * {@code instanceId}'s writable layer into {@code imageId}". It exists exactly while the image is
 * pending. Where sandboxes run instances, the instance runner acts on it: with {@code reboot} it
 * shuts the sandbox down (the instance stays running to the API, as on AWS), freezes the layer and
 * boots the sandbox again; without, it freezes the layer as it is (a stopping instance's once its
 * sandbox is gone). Then it ends the build with {@link ImageBuilds#complete} or
 * {@link ImageBuilds#fail}. Where nothing runs, {@link ImageLifecycle} completes it on a timer.
 *
 * @param snapshotId    the root volume's snapshot, pending like the image
 * @param reboot        whether the instance must be shut down for the copy and booted again
 *                      (NoReboot was false and the instance was running); a stopped instance's
 *                      layer is already at rest, and with NoReboot the live layer is copied
 * @param sourceImageId the image the instance was launched from: its layers lie below the instance's
 */
public record ImageBuildRecord(String imageId, String instanceId, String snapshotId, boolean reboot, Instant requestedAt,
                               String sourceImageId) {

    public static final Table<ImageBuildRecord> TABLE = Table.regional("ec2.image-builds", ImageBuildRecord.class);
}
