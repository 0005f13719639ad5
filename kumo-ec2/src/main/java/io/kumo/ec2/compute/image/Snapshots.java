package io.kumo.ec2.compute.image;

import io.kumo.core.store.Tx;
import io.kumo.ec2.support.Tags;

import java.util.Optional;

/** Which image holds on to a snapshot, and removing one. */
final class Snapshots {
    private Snapshots() {
    }

    /** The first registered image (catalogue or own) with a block device from the snapshot. */
    static Optional<String> usedBy(Tx tx, String snapshotId) {
        return Images.all(tx).stream()
                .filter(i -> i.blockDevices().stream().anyMatch(b -> snapshotId.equals(b.snapshotId())))
                .map(ImageRecord::imageId)
                .findFirst();
    }

    static void delete(Tx tx, String snapshotId) {
        tx.delete(SnapshotRecord.TABLE, snapshotId);
        Tags.deleteAll(tx, snapshotId);
    }
}
