package io.kumo.ec2.compute.eni;

import io.kumo.core.Ids;
import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.HostNames;
import io.kumo.ec2.compute.address.AddressRecord;
import io.kumo.ec2.compute.address.PublicIpPool;
import io.kumo.ec2.network.subnet.SubnetAddresses;
import io.kumo.ec2.network.subnet.SubnetRecord;
import io.kumo.ec2.support.Tags;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** Creating, addressing and deleting network interfaces, for the ENI actions and RunInstances alike. */
public final class NetworkInterfaces {
    private NetworkInterfaces() {
    }

    /** A new, unattached interface with an address from the subnet (the requested one or the lowest free). */
    public static NetworkInterfaceRecord create(Tx tx, SubnetRecord subnet, List<String> groupIds, String requestedIp,
                                                String description, boolean autoPublicIp, String interfaceType, Instant now) {
        String ip = SubnetAddresses.allocate(tx, subnet.subnetId(), requestedIp);
        String id = Ids.ec2("eni");
        NetworkInterfaceRecord eni = new NetworkInterfaceRecord(id, subnet.subnetId(), subnet.vpcId(), subnet.availabilityZone(),
                tx.scope().account(), description == null ? "" : description, ip, HostNames.privateDnsName(tx.scope().region(), ip),
                macAddress(), groupIds, true, interfaceType, false, autoPublicIp, null, null, now);
        tx.put(NetworkInterfaceRecord.TABLE, id, eni);
        return eni;
    }

    /** EC2's MACs are locally administered unicast addresses starting 06 or 0a. */
    static String macAddress() {
        byte[] bytes = new byte[5];
        Ids.random().nextBytes(bytes);
        return "06:" + HexFormat.ofDelimiter(":").formatHex(bytes);
    }

    /** Gives the interface an address from the public pool unless it already has one. */
    public static NetworkInterfaceRecord assignAutoPublicIp(Tx tx, NetworkInterfaceRecord eni) {
        if (eni.publicIp() != null) {
            return eni;
        }
        String ip = PublicIpPool.lease(tx, eni.networkInterfaceId());
        NetworkInterfaceRecord updated = eni.withPublicIp(new NetworkInterfaceRecord.PublicIp(ip, "amazon", null, null));
        tx.put(NetworkInterfaceRecord.TABLE, eni.networkInterfaceId(), updated);
        return updated;
    }

    /** Returns an auto-assigned public IP to the pool; an Elastic IP stays. */
    public static NetworkInterfaceRecord releaseAutoPublicIp(Tx tx, NetworkInterfaceRecord eni) {
        if (eni.publicIp() == null || eni.publicIp().elastic()) {
            return eni;
        }
        PublicIpPool.release(tx, eni.publicIp().publicIp());
        NetworkInterfaceRecord updated = eni.withPublicIp(null);
        tx.put(NetworkInterfaceRecord.TABLE, eni.networkInterfaceId(), updated);
        return updated;
    }

    /** Deletes the interface: its private address goes back to the subnet, an Elastic IP is disassociated. */
    public static void delete(Tx tx, NetworkInterfaceRecord eni) {
        releaseAutoPublicIp(tx, eni);
        if (eni.publicIp() != null && eni.publicIp().elastic()) {
            tx.get(AddressRecord.TABLE, eni.publicIp().allocationId())
                    .ifPresent(a -> tx.put(AddressRecord.TABLE, a.allocationId(), a.disassociate()));
        }
        SubnetAddresses.release(tx, eni.subnetId(), eni.privateIpAddress());
        tx.delete(NetworkInterfaceRecord.TABLE, eni.networkInterfaceId());
        Tags.deleteAll(tx, eni.networkInterfaceId());
    }

    /** The interfaces attached to an instance, primary first. */
    public static List<NetworkInterfaceRecord> ofInstance(Tx tx, String instanceId) {
        return tx.list(NetworkInterfaceRecord.TABLE).stream()
                .filter(e -> e.attachedTo(instanceId))
                .sorted((a, b) -> Integer.compare(a.attachment().deviceIndex(), b.attachment().deviceIndex()))
                .toList();
    }
}
