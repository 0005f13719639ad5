package io.kumo.ec2.compute.eni;

import io.kumo.core.store.Table;

import java.time.Instant;
import java.util.List;

/**
 * A network interface as stored. An instance's interfaces are the ones whose attachment names it.
 *
 * @param autoPublicIp whether the interface gets a public IP from Kumo's pool whenever its
 *                     instance starts (subnet's MapPublicIpOnLaunch or AssociatePublicIpAddress)
 * @param publicIp     the public address it has now: auto-assigned or an Elastic IP, or null
 */
public record NetworkInterfaceRecord(
        String networkInterfaceId,
        String subnetId,
        String vpcId,
        String availabilityZone,
        String ownerId,
        String description,
        String privateIpAddress,
        String privateDnsName,
        String macAddress,
        List<String> groupIds,
        boolean sourceDestCheck,
        String interfaceType,
        boolean requesterManaged,
        boolean autoPublicIp,
        Attachment attachment,
        PublicIp publicIp,
        Instant createdAt) {

    public static final Table<NetworkInterfaceRecord> TABLE = Table.regional("ec2.network-interfaces", NetworkInterfaceRecord.class);

    public NetworkInterfaceRecord {
        groupIds = List.copyOf(groupIds);
    }

    /** @param status "attaching", "attached", "detaching" or "detached"; Kumo attaches at once */
    public record Attachment(String attachmentId, String instanceId, String instanceOwnerId, int deviceIndex, String status,
                             Instant attachTime, boolean deleteOnTermination) {
        public Attachment withDeleteOnTermination(boolean value) {
            return new Attachment(attachmentId, instanceId, instanceOwnerId, deviceIndex, status, attachTime, value);
        }
    }

    /**
     * @param ipOwnerId    "amazon" for an auto-assigned address, the account for an Elastic IP
     * @param allocationId null for an auto-assigned address
     */
    public record PublicIp(String publicIp, String ipOwnerId, String allocationId, String associationId) {
        public boolean elastic() {
            return allocationId != null;
        }
    }

    public String status() {
        return attachment == null ? "available" : "in-use";
    }

    public boolean attachedTo(String instanceId) {
        return attachment != null && instanceId != null && instanceId.equals(attachment.instanceId());
    }

    public NetworkInterfaceRecord withRequesterManaged(boolean value) {
        return new NetworkInterfaceRecord(networkInterfaceId, subnetId, vpcId, availabilityZone, ownerId, description, privateIpAddress,
                privateDnsName, macAddress, groupIds, sourceDestCheck, interfaceType, value, autoPublicIp, attachment, publicIp, createdAt);
    }

    /** Who manages a requester-managed interface ("amazon-elb"): its attachment's owner; null for the customer's own. */
    public String requesterId() {
        return requesterManaged && attachment != null ? attachment.instanceOwnerId() : null;
    }

    public NetworkInterfaceRecord withAttachment(Attachment value) {
        return new NetworkInterfaceRecord(networkInterfaceId, subnetId, vpcId, availabilityZone, ownerId, description, privateIpAddress,
                privateDnsName, macAddress, groupIds, sourceDestCheck, interfaceType, requesterManaged, autoPublicIp, value, publicIp, createdAt);
    }

    public NetworkInterfaceRecord withPublicIp(PublicIp value) {
        return new NetworkInterfaceRecord(networkInterfaceId, subnetId, vpcId, availabilityZone, ownerId, description, privateIpAddress,
                privateDnsName, macAddress, groupIds, sourceDestCheck, interfaceType, requesterManaged, autoPublicIp, attachment, value, createdAt);
    }

    public NetworkInterfaceRecord withGroupIds(List<String> value) {
        return new NetworkInterfaceRecord(networkInterfaceId, subnetId, vpcId, availabilityZone, ownerId, description, privateIpAddress,
                privateDnsName, macAddress, value, sourceDestCheck, interfaceType, requesterManaged, autoPublicIp, attachment, publicIp, createdAt);
    }

    public NetworkInterfaceRecord withSourceDestCheck(boolean value) {
        return new NetworkInterfaceRecord(networkInterfaceId, subnetId, vpcId, availabilityZone, ownerId, description, privateIpAddress,
                privateDnsName, macAddress, groupIds, value, interfaceType, requesterManaged, autoPublicIp, attachment, publicIp, createdAt);
    }

    public NetworkInterfaceRecord withDescription(String value) {
        return new NetworkInterfaceRecord(networkInterfaceId, subnetId, vpcId, availabilityZone, ownerId, value, privateIpAddress,
                privateDnsName, macAddress, groupIds, sourceDestCheck, interfaceType, requesterManaged, autoPublicIp, attachment, publicIp, createdAt);
    }

    public NetworkInterfaceRecord withAutoPublicIp(boolean value) {
        return new NetworkInterfaceRecord(networkInterfaceId, subnetId, vpcId, availabilityZone, ownerId, description, privateIpAddress,
                privateDnsName, macAddress, groupIds, sourceDestCheck, interfaceType, requesterManaged, value, attachment, publicIp, createdAt);
    }
}
