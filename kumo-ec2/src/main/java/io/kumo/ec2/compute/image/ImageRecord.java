package io.kumo.ec2.compute.image;

import io.kumo.core.store.Table;

import java.util.List;

/**
 * An image. Kumo's catalogue images are built from {@link ImageCatalogue} on demand and never
 * stored; the table holds the images accounts make themselves (CreateImage, a later issue).
 *
 * @param ownerAlias   "amazon" for the catalogue, null for an account's own images
 * @param creationDate as EC2 shows it, ISO-8601 with milliseconds
 */
public record ImageRecord(
        String imageId,
        String name,
        String description,
        String ownerId,
        String ownerAlias,
        String imageLocation,
        String architecture,
        String platformDetails,
        String rootDeviceName,
        List<BlockDevice> blockDevices,
        boolean isPublic,
        String creationDate,
        String state,
        String bootMode) {

    public static final Table<ImageRecord> TABLE = Table.regional("ec2.images", ImageRecord.class);

    public ImageRecord {
        blockDevices = List.copyOf(blockDevices);
    }

    /** An EBS mapping of the image; the root device is the one named {@link #rootDeviceName}. */
    public record BlockDevice(String deviceName, String snapshotId, int volumeSize, String volumeType,
                              boolean deleteOnTermination, boolean encrypted) {
    }

    public BlockDevice rootDevice() {
        return blockDevices.stream().filter(b -> b.deviceName().equals(rootDeviceName)).findFirst().orElseThrow();
    }
}
