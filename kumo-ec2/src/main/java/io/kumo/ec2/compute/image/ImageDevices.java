package io.kumo.ec2.compute.image;

import io.kumo.core.AwsException;
import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.ComputeErrors;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.compute.volume.Volumes;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;

import java.util.ArrayList;
import java.util.List;

/**
 * The block devices of an image made from an instance: the root volume's snapshot (which the
 * request may grow, retype or give another DeleteOnTermination) and any EBS volumes the request
 * adds, empty or from a snapshot. NoDevice and instance-store mappings add nothing.
 */
final class ImageDevices {
    private ImageDevices() {
    }

    static List<ImageRecord.BlockDevice> plan(Tx tx, ImageRecord.BlockDevice root, List<BlockDeviceMapping> mappings) {
        ImageRecord.BlockDevice rootPlan = root;
        List<ImageRecord.BlockDevice> added = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (BlockDeviceMapping m : mappings) {
            if (m.deviceName() == null) {
                throw Ec2Errors.missingParameter("BlockDeviceMapping.DeviceName");
            }
            if (seen.contains(m.deviceName())) {
                throw AwsException.badRequest("InvalidBlockDeviceMapping", "The device '" + m.deviceName()
                        + "' is used in more than one block-device mapping");
            }
            seen.add(m.deviceName());
            if (m.deviceName().equals(root.deviceName())) {
                if (m.noDevice() != null || m.ebs() == null) {
                    throw AwsException.badRequest("InvalidBlockDeviceMapping", "The root device " + root.deviceName()
                            + " of the image must be an EBS volume");
                }
                rootPlan = root(root, m.ebs());
            } else if (m.noDevice() == null && m.ebs() != null) {
                added.add(added(tx, m.deviceName(), m.ebs()));
            }
        }
        List<ImageRecord.BlockDevice> out = new ArrayList<>();
        out.add(rootPlan);
        out.addAll(added);
        return out;
    }

    private static ImageRecord.BlockDevice root(ImageRecord.BlockDevice root, EbsBlockDevice ebs) {
        int size = ebs.volumeSize() == null ? root.volumeSize() : ebs.volumeSize();
        if (size < root.volumeSize()) {
            throw AwsException.badRequest("InvalidBlockDeviceMapping", "Volume of size " + size + "GB is smaller than snapshot '"
                    + root.snapshotId() + "', expect size >= " + root.volumeSize() + "GB");
        }
        String type = Volumes.checkType(ebs.volumeTypeAsString() == null ? root.volumeType() : ebs.volumeTypeAsString());
        Volumes.checkSize(type, size);
        boolean deleteOnTermination = ebs.deleteOnTermination() == null ? root.deleteOnTermination() : ebs.deleteOnTermination();
        return new ImageRecord.BlockDevice(root.deviceName(), root.snapshotId(), size, type, deleteOnTermination, root.encrypted());
    }

    private static ImageRecord.BlockDevice added(Tx tx, String device, EbsBlockDevice ebs) {
        if (ebs.volumeSize() == null && ebs.snapshotId() == null) {
            throw AwsException.badRequest("InvalidBlockDeviceMapping", "Either snapshot ID or volume size must be provided for: " + device);
        }
        Integer snapshotSize = null;
        if (ebs.snapshotId() != null) {
            ComputeKinds.SNAPSHOT.check(ebs.snapshotId());
            snapshotSize = ImageCatalogue.snapshot(tx.scope().region(), ebs.snapshotId())
                    .or(() -> tx.get(SnapshotRecord.TABLE, ebs.snapshotId()))
                    .map(SnapshotRecord::volumeSize)
                    .orElseThrow(() -> ComputeErrors.snapshotNotFound(ebs.snapshotId()));
        }
        int size = ebs.volumeSize() != null ? ebs.volumeSize() : snapshotSize;
        if (snapshotSize != null && size < snapshotSize) {
            throw AwsException.badRequest("InvalidBlockDeviceMapping", "Volume of size " + size + "GB is smaller than snapshot '"
                    + ebs.snapshotId() + "', expect size >= " + snapshotSize + "GB");
        }
        String type = Volumes.checkType(ebs.volumeTypeAsString() == null ? "gp2" : ebs.volumeTypeAsString());
        Volumes.checkSize(type, size);
        return new ImageRecord.BlockDevice(device, ebs.snapshotId(), size, type,
                ebs.deleteOnTermination() == null || ebs.deleteOnTermination(), Boolean.TRUE.equals(ebs.encrypted()));
    }
}
