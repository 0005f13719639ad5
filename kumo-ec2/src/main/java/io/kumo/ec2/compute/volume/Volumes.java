package io.kumo.ec2.compute.volume;

import io.kumo.core.Ids;
import io.kumo.core.store.Tx;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Filters;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Volume types and sizes as EBS allows them, creating volumes, and their SDK shape and filters. */
public final class Volumes {
    public static final Set<String> TYPES = Set.of("standard", "gp2", "gp3", "io1", "io2", "st1", "sc1");

    private Volumes() {
    }

    public static String checkType(String type) {
        if (!TYPES.contains(type)) {
            throw Ec2Errors.invalidParameterValue("Value (" + type + ") for parameter volumeType is invalid. Valid values: "
                    + "standard, gp2, gp3, io1, io2, st1, sc1");
        }
        return type;
    }

    /** EBS's size limits per type, in GiB. */
    public static void checkSize(String type, int size) {
        int min = switch (type) {
            case "io1", "io2" -> 4;
            case "st1", "sc1" -> 125;
            default -> 1;
        };
        int max = switch (type) {
            case "standard" -> 1024;
            case "io2", "gp3" -> 65536;
            default -> 16384;
        };
        if (size < min || size > max) {
            throw Ec2Errors.invalidParameterValue("Volume of " + size + "GiB is too " + (size < min ? "small" : "large")
                    + "; minimum is " + min + "GiB, maximum is " + max + "GiB.");
        }
    }

    /** The IOPS EBS gives a volume when none are requested: gp2's 3 per GiB, gp3's 3000 baseline. */
    public static Integer defaultIops(String type, int size, Integer requested) {
        if (requested != null) {
            return requested;
        }
        return switch (type) {
            case "gp2" -> Math.min(16000, Math.max(100, 3 * size));
            case "gp3" -> 3000;
            case "io1", "io2" -> 100;
            default -> null;
        };
    }

    public static VolumeRecord create(Tx tx, int size, String type, Integer iops, Integer throughput, String snapshotId,
                                      String availabilityZone, boolean encrypted, Instant now, VolumeRecord.Attachment attachment) {
        String id = Ids.ec2("vol");
        VolumeRecord volume = new VolumeRecord(id, size, type, defaultIops(type, size, iops),
                type.equals("gp3") ? (throughput == null ? 125 : throughput) : null,
                snapshotId == null ? "" : snapshotId, availabilityZone, attachment == null ? "available" : "in-use",
                encrypted, null, false, now, attachment);
        tx.put(VolumeRecord.TABLE, id, volume);
        return volume;
    }

    public record Described(VolumeRecord volume, Map<String, String> tags) {
        public static Described of(Tx tx, VolumeRecord volume) {
            return new Described(volume, Tags.of(tx, volume.volumeId()));
        }
    }

    public static final Filters<Described> FILTERS = Filters.<Described>forType(Described::tags)
            .one("volume-id", d -> d.volume().volumeId())
            .one("size", d -> d.volume().size())
            .one("status", d -> d.volume().state())
            .one("volume-type", d -> d.volume().volumeType())
            .one("availability-zone", d -> d.volume().availabilityZone())
            .one("encrypted", d -> d.volume().encrypted())
            .one("snapshot-id", d -> d.volume().snapshotId())
            .one("create-time", d -> d.volume().createTime())
            .one("multi-attach-enabled", d -> d.volume().multiAttachEnabled())
            .one("attachment.instance-id", d -> d.volume().attachment() == null ? null : d.volume().attachment().instanceId())
            .one("attachment.device", d -> d.volume().attachment() == null ? null : d.volume().attachment().device())
            .one("attachment.status", d -> d.volume().attachment() == null ? null : d.volume().attachment().state())
            .one("attachment.attach-time", d -> d.volume().attachment() == null ? null : d.volume().attachment().attachTime())
            .one("attachment.delete-on-termination",
                    d -> d.volume().attachment() == null ? null : d.volume().attachment().deleteOnTermination());

    public static Volume toSdk(Described d) {
        VolumeRecord v = d.volume();
        List<VolumeAttachment> attachments = v.attachment() == null ? List.of() : List.of(VolumeAttachment.builder()
                .attachTime(v.attachment().attachTime())
                .device(v.attachment().device())
                .instanceId(v.attachment().instanceId())
                .state(v.attachment().state())
                .volumeId(v.volumeId())
                .deleteOnTermination(v.attachment().deleteOnTermination())
                .build());
        return Volume.builder()
                .volumeId(v.volumeId())
                .size(v.size())
                .volumeType(v.volumeType())
                .iops(v.iops())
                .throughput(v.throughput())
                .snapshotId(v.snapshotId())
                .availabilityZone(v.availabilityZone())
                .state(v.state())
                .createTime(v.createTime())
                .encrypted(v.encrypted())
                .kmsKeyId(v.kmsKeyId())
                .multiAttachEnabled(v.multiAttachEnabled())
                .attachments(attachments)
                .tags(Tags.toSdk(d.tags()))
                .build();
    }
}
