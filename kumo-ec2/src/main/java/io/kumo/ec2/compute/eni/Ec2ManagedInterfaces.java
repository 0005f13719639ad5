package io.kumo.ec2.compute.eni;

import io.kumo.core.Ids;
import io.kumo.core.network.ManagedInterfaces;
import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.sg.SecurityGroups;
import io.kumo.ec2.network.subnet.SubnetRecord;

import java.time.Instant;
import java.util.List;

/**
 * The EC2 module's {@link ManagedInterfaces}: an interface attached to no instance but "in use" by
 * its requester (attachment "ela-attach-..." owned by it, at device index 1), so the customer's
 * DeleteNetworkInterface and DetachNetworkInterface refuse it, and its subnet and security groups
 * cannot be deleted under it.
 */
public final class Ec2ManagedInterfaces implements ManagedInterfaces {

    @Override
    public Created create(Tx tx, String subnetId, List<String> groupIds, String description, String requester) {
        SubnetRecord subnet = Lookups.require(tx, NetworkKinds.SUBNET, subnetId);
        List<String> groups = SecurityGroups.resolve(tx, subnet.vpcId(), groupIds, List.of());
        Instant now = Instant.now();
        NetworkInterfaceRecord eni = NetworkInterfaces.create(tx, subnet, groups, null, description, false, "interface", now);
        NetworkInterfaceRecord managed = eni.withRequesterManaged(true).withAttachment(new NetworkInterfaceRecord.Attachment(
                "ela-attach-" + Ids.hex(17), null, requester, 1, "attached", now, false));
        tx.put(NetworkInterfaceRecord.TABLE, managed.networkInterfaceId(), managed);
        return new Created(managed.networkInterfaceId(), managed.privateIpAddress());
    }

    @Override
    public void setGroups(Tx tx, String networkInterfaceId, List<String> groupIds) {
        NetworkInterfaceRecord eni = Lookups.require(tx, ComputeKinds.NETWORK_INTERFACE, networkInterfaceId);
        tx.put(NetworkInterfaceRecord.TABLE, networkInterfaceId,
                eni.withGroupIds(SecurityGroups.resolve(tx, eni.vpcId(), groupIds, List.of())));
    }

    @Override
    public void delete(Tx tx, String networkInterfaceId) {
        tx.get(NetworkInterfaceRecord.TABLE, networkInterfaceId).ifPresent(eni -> NetworkInterfaces.delete(tx, eni));
    }
}
