package io.kumo.ec2.compute.volume;

import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.ComputeErrors;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.support.Ec2Errors;

/** Volumes by id, with EBS's own NotFound wording ("The volume 'vol-1' does not exist."). */
final class VolumeLookup {
    private VolumeLookup() {
    }

    static VolumeRecord require(Tx tx, String volumeId) {
        if (volumeId == null) {
            throw Ec2Errors.missingParameter("VolumeId");
        }
        ComputeKinds.VOLUME.check(volumeId);
        return tx.get(VolumeRecord.TABLE, volumeId).orElseThrow(() -> ComputeErrors.volumeNotFound(volumeId));
    }
}
