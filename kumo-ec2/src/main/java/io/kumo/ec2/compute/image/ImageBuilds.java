package io.kumo.ec2.compute.image;

import io.kumo.core.store.Tx;

/**
 * How a pending image ends, inside the caller's transaction (the transaction's scope is the
 * image's account and region). Whoever freezes the layer calls {@link #complete} once the layer
 * is in place, or {@link #fail} when it cannot be made. Both answer false when the build is gone,
 * because DeregisterImage took the image meanwhile: a layer frozen for it is then garbage.
 */
public final class ImageBuilds {
    /** The StateReason code of a failed image; EC2 uses it for failures on its own side. */
    public static final String FAILURE_CODE = "Server.InternalError";

    private ImageBuilds() {
    }

    /** The image becomes available and its snapshots completed. */
    public static boolean complete(Tx tx, String imageId) {
        return finish(tx, imageId, ImageRecord.AVAILABLE, SnapshotRecord.COMPLETED, null);
    }

    /** The image becomes failed, with {@code reason} as its StateReason message; its snapshots error. */
    public static boolean fail(Tx tx, String imageId, String reason) {
        return finish(tx, imageId, ImageRecord.FAILED, SnapshotRecord.ERROR, reason);
    }

    private static boolean finish(Tx tx, String imageId, String imageState, String snapshotState, String reason) {
        if (tx.get(ImageBuildRecord.TABLE, imageId).isEmpty()) {
            return false;
        }
        tx.delete(ImageBuildRecord.TABLE, imageId);
        ImageRecord image = tx.get(ImageRecord.TABLE, imageId).orElse(null);
        if (image == null) {
            return false;
        }
        tx.put(ImageRecord.TABLE, imageId, image.withState(imageState, reason));
        for (ImageRecord.BlockDevice device : image.blockDevices()) {
            if (device.snapshotId() != null) {
                tx.get(SnapshotRecord.TABLE, device.snapshotId())
                        .filter(s -> s.state().equals(SnapshotRecord.PENDING))
                        .ifPresent(s -> tx.put(SnapshotRecord.TABLE, s.snapshotId(), s.withState(snapshotState)));
            }
        }
        return true;
    }
}
