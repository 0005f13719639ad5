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
 * An image import ({@link ImportImage}) is a build too, with no instance: it copies a root
 * filesystem from the host instead.
 *
 * @param instanceId    the instance CreateImage images; null for an import
 * @param snapshotId    the root volume's snapshot, pending like the image
 * @param reboot        whether the instance must be shut down for the copy and booted again
 *                      (NoReboot was false and the instance was running); a stopped instance's
 *                      layer is already at rest, and with NoReboot the live layer is copied
 * @param sourceImageId the image the instance was launched from: its layers lie below the instance's
 * @param importFrom    for an import, the absolute path of the root filesystem to copy; else null
 */
public record ImageBuildRecord(String imageId, String instanceId, String snapshotId, boolean reboot, Instant requestedAt,
                               String sourceImageId, String importFrom) {

    /** A CreateImage build. */
    public static ImageBuildRecord ofInstance(String imageId, String instanceId, String snapshotId, boolean reboot,
                                              Instant requestedAt, String sourceImageId) {
        return new ImageBuildRecord(imageId, instanceId, snapshotId, reboot, requestedAt, sourceImageId, null);
    }

    /** An import of a root filesystem directory. */
    public static ImageBuildRecord ofImport(String imageId, String snapshotId, Instant requestedAt, String importFrom) {
        return new ImageBuildRecord(imageId, null, snapshotId, false, requestedAt, null, importFrom);
    }

    public boolean isImport() {
        return importFrom != null;
    }

    public static final Table<ImageBuildRecord> TABLE = Table.regional("ec2.image-builds", ImageBuildRecord.class);
}
