package io.kumo.ec2.compute.image;

import io.kumo.core.AwsException;
import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.ComputeErrors;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.support.Filters;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.StateReason;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Images as one list (the catalogue and the account's own), their lookups, filters and SDK shape. */
public final class Images {
    private Images() {
    }

    /** Catalogue and own images of the transaction's region, ordered by id. */
    public static List<ImageRecord> all(Tx tx) {
        List<ImageRecord> out = new ArrayList<>(ImageCatalogue.images(tx.scope().region()));
        out.addAll(tx.list(ImageRecord.TABLE));
        out.sort((a, b) -> a.imageId().compareTo(b.imageId()));
        return out;
    }

    public static Optional<ImageRecord> find(Tx tx, String imageId) {
        return ImageCatalogue.image(tx.scope().region(), imageId).or(() -> tx.get(ImageRecord.TABLE, imageId));
    }

    /** The image RunInstances names: Malformed, NotFound or (pending, failed) Unavailable as EC2 answers. */
    public static ImageRecord require(Tx tx, String imageId) {
        ComputeKinds.IMAGE.check(imageId);
        ImageRecord image = find(tx, imageId).orElseThrow(() -> ComputeErrors.imageNotFound(List.of(imageId)));
        if (!image.available()) {
            throw AwsException.badRequest("InvalidAMIID.Unavailable", "AMI '" + imageId + "' is " + image.state() + ", and cannot be run");
        }
        return image;
    }

    /**
     * The catalogue family ("amazon-linux", "ubuntu", "debian") an image descends from: a
     * catalogue image's own, or the one CreateImage found for the image its instance ran.
     */
    public static Optional<String> family(Tx tx, String imageId) {
        return find(tx, imageId).map(ImageRecord::family);
    }

    /** Whether {@code owner} (a value of DescribeImages' Owners) selects the image. */
    public static boolean ownedBy(Tx tx, ImageRecord image, String owner) {
        return switch (owner) {
            case "self" -> image.ownerId().equals(tx.scope().account());
            case "amazon" -> ImageCatalogue.OWNER_ALIAS.equals(image.ownerAlias());
            case "aws-marketplace", "aws-backup-vault" -> false;
            default -> image.ownerId().equals(owner)
                    || (ImageCatalogue.PUBLISHER_ALIASES.containsKey(owner)
                    && ImageCatalogue.family(tx.scope().region(), image.imageId())
                    .map(ImageCatalogue.PUBLISHER_ALIASES.get(owner)::equals).orElse(false));
        };
    }

    /** Whether the user named in ExecutableUsers ("all", "self" or an account) may launch the image. */
    public static boolean executableBy(Tx tx, ImageRecord image, String user) {
        return switch (user) {
            case "all" -> image.isPublic();
            case "self" -> image.isPublic() || image.ownerId().equals(tx.scope().account());
            default -> image.isPublic() || image.ownerId().equals(user);
        };
    }

    public record Described(ImageRecord image, Map<String, String> tags) {
        public static Described of(Tx tx, ImageRecord image) {
            return new Described(image, Tags.of(tx, image.imageId()));
        }
    }

    public static final Filters<Described> FILTERS = Filters.<Described>forType(Described::tags)
            .one("image-id", d -> d.image().imageId())
            .one("name", d -> d.image().name())
            .one("description", d -> d.image().description())
            .one("owner-id", d -> d.image().ownerId())
            .one("owner-alias", d -> d.image().ownerAlias())
            .one("architecture", d -> d.image().architecture())
            .one("state", d -> d.image().state())
            .one("is-public", d -> d.image().isPublic())
            .one("image-type", d -> "machine")
            .one("root-device-type", d -> "ebs")
            .one("root-device-name", d -> d.image().rootDeviceName())
            .one("virtualization-type", d -> "hvm")
            .one("hypervisor", d -> "xen")
            .one("platform-details", d -> d.image().platformDetails())
            .one("usage-operation", d -> "RunInstances")
            .one("ena-support", d -> true)
            .one("sriov-net-support", d -> "simple")
            .one("creation-date", d -> d.image().creationDate())
            .one("manifest-location", d -> d.image().imageLocation())
            .one("boot-mode", d -> d.image().bootMode())
            .one("source-instance-id", d -> d.image().sourceInstanceId())
            .one("state-reason-code", d -> d.image().stateReason() == null ? null : ImageBuilds.FAILURE_CODE)
            .one("state-reason-message", d -> d.image().stateReason())
            .many("block-device-mapping.device-name", d -> devices(d, ImageRecord.BlockDevice::deviceName))
            .many("block-device-mapping.snapshot-id", d -> devices(d, ImageRecord.BlockDevice::snapshotId))
            .many("block-device-mapping.volume-size", d -> devices(d, ImageRecord.BlockDevice::volumeSize))
            .many("block-device-mapping.volume-type", d -> devices(d, ImageRecord.BlockDevice::volumeType))
            .many("block-device-mapping.delete-on-termination", d -> devices(d, ImageRecord.BlockDevice::deleteOnTermination))
            .many("block-device-mapping.encrypted", d -> devices(d, ImageRecord.BlockDevice::encrypted));

    private static Collection<?> devices(Described d, java.util.function.Function<ImageRecord.BlockDevice, ?> field) {
        return d.image().blockDevices().stream().map(field).toList();
    }

    public static Image toSdk(Described d) {
        ImageRecord i = d.image();
        return Image.builder()
                .imageId(i.imageId())
                .imageLocation(i.imageLocation())
                .state(i.state())
                .ownerId(i.ownerId())
                .imageOwnerAlias(i.ownerAlias())
                .creationDate(i.creationDate())
                .publicLaunchPermissions(i.isPublic())
                .architecture(i.architecture())
                .imageType("machine")
                .name(i.name())
                .description(i.description())
                .platformDetails(i.platformDetails())
                .usageOperation("RunInstances")
                .rootDeviceName(i.rootDeviceName())
                .rootDeviceType("ebs")
                .virtualizationType("hvm")
                .hypervisor("xen")
                .enaSupport(true)
                .sriovNetSupport("simple")
                .bootMode(i.bootMode())
                .sourceInstanceId(i.sourceInstanceId())
                .stateReason(i.stateReason() == null ? null
                        : StateReason.builder().code(ImageBuilds.FAILURE_CODE).message(i.stateReason()).build())
                .blockDeviceMappings(i.blockDevices().stream().map(Images::mapping).toList())
                .tags(Tags.toSdk(d.tags()))
                .build();
    }

    private static BlockDeviceMapping mapping(ImageRecord.BlockDevice b) {
        EbsBlockDevice.Builder ebs = EbsBlockDevice.builder()
                .deleteOnTermination(b.deleteOnTermination())
                .snapshotId(b.snapshotId())
                .volumeSize(b.volumeSize())
                .volumeType(b.volumeType())
                .encrypted(b.encrypted());
        if (b.volumeType().equals("gp3")) {
            ebs.iops(3000).throughput(125);
        }
        return BlockDeviceMapping.builder().deviceName(b.deviceName()).ebs(ebs.build()).build();
    }
}
