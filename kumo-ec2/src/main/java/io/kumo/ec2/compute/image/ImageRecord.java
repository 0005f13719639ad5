package io.kumo.ec2.compute.image;

import io.kumo.core.store.Table;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An image. Kumo's catalogue images are built from {@link ImageCatalogue} on demand and never
 * stored; the table holds the images accounts make themselves (CreateImage). A deregistered image
 * leaves the table at once; {@link DeregisteredImage} remembers its id for a while.
 *
 * @param ownerAlias       "amazon" for the catalogue, null for an account's own images
 * @param creationDate     as EC2 shows it, ISO-8601 with milliseconds
 * @param state            "pending", "available" or "failed"
 * @param sourceImageId    the image the source instance was launched from (CreateImage), else null
 * @param sourceInstanceId the instance CreateImage imaged, else null
 * @param stateReason      why the image failed, else null
 * @param family           the catalogue family the image descends from ("debian"...), which sets
 *                         the login user of its instances; null when unknown
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
        String bootMode,
        String sourceImageId,
        String sourceInstanceId,
        String stateReason,
        String family) {

    public static final Table<ImageRecord> TABLE = Table.regional("ec2.images", ImageRecord.class);

    public static final String PENDING = "pending";
    public static final String AVAILABLE = "available";
    public static final String FAILED = "failed";
    private static final DateTimeFormatter CREATION_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    public ImageRecord {
        blockDevices = List.copyOf(blockDevices);
    }

    /**
     * An EBS mapping of the image; the root device is the one named {@link #rootDeviceName}.
     *
     * @param snapshotId null for an empty volume the image adds
     */
    public record BlockDevice(String deviceName, String snapshotId, int volumeSize, String volumeType,
                              boolean deleteOnTermination, boolean encrypted) {
    }

    /** A CreationDate as EC2 writes it: ISO-8601 in UTC with milliseconds. */
    public static String creationDate(Instant at) {
        return CREATION_DATE.format(at);
    }

    public BlockDevice rootDevice() {
        return blockDevices.stream().filter(b -> b.deviceName().equals(rootDeviceName)).findFirst().orElseThrow();
    }

    public boolean available() {
        return AVAILABLE.equals(state);
    }

    public ImageRecord withState(String value, String reason) {
        return new ImageRecord(imageId, name, description, ownerId, ownerAlias, imageLocation, architecture, platformDetails,
                rootDeviceName, blockDevices, isPublic, creationDate, value, bootMode, sourceImageId, sourceInstanceId, reason, family);
    }
}
