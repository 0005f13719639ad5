package io.kumo.ec2.compute.volume;

import io.kumo.core.store.Table;

import java.time.Instant;

/**
 * An EBS volume as stored.
 *
 * @param iops       null where the type has no provisioned IOPS (standard)
 * @param throughput MiB/s, gp3 only
 */
public record VolumeRecord(
        String volumeId,
        int size,
        String volumeType,
        Integer iops,
        Integer throughput,
        String snapshotId,
        String availabilityZone,
        String state,
        boolean encrypted,
        String kmsKeyId,
        boolean multiAttachEnabled,
        Instant createTime,
        Attachment attachment) {

    public static final Table<VolumeRecord> TABLE = Table.regional("ec2.volumes", VolumeRecord.class);

    /** @param state "attaching", "attached", "detaching"; Kumo attaches at once */
    public record Attachment(String instanceId, String device, String state, Instant attachTime, boolean deleteOnTermination) {
        public Attachment withDeleteOnTermination(boolean value) {
            return new Attachment(instanceId, device, state, attachTime, value);
        }
    }

    public boolean attachedTo(String instanceId) {
        return attachment != null && attachment.instanceId().equals(instanceId);
    }

    public VolumeRecord withAttachment(Attachment value) {
        return new VolumeRecord(volumeId, size, volumeType, iops, throughput, snapshotId, availabilityZone,
                value == null ? "available" : "in-use", encrypted, kmsKeyId, multiAttachEnabled, createTime, value);
    }
}
