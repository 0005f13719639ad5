package io.kumo.ec2.network;

import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.compute.address.AddressRecord;
import io.kumo.ec2.compute.eni.NetworkInterfaceRecord;
import io.kumo.ec2.compute.instance.InstanceRecord;
import io.kumo.ec2.compute.instance.InstanceState;
import io.kumo.ec2.support.Ec2Errors;

import java.util.Optional;

/**
 * What the network area reads of the compute area's records (never writes): instances and
 * network interfaces as route targets, Elastic IPs for NAT gateways.
 */
public final class ComputeView {

    /** An Elastic IP as a NAT gateway sees it. */
    public record ElasticIp(String allocationId, String publicIp, boolean associated) {
    }

    /** Throws the instance's Malformed or NotFound error unless it exists. */
    public void requireInstance(Tx tx, String instanceId) {
        ComputeKinds.INSTANCE.check(instanceId);
        if (tx.get(InstanceRecord.TABLE, instanceId).isEmpty()) {
            throw Ec2Errors.notFound(ComputeKinds.INSTANCE, instanceId);
        }
    }

    public void requireNetworkInterface(Tx tx, String eniId) {
        ComputeKinds.NETWORK_INTERFACE.check(eniId);
        if (tx.get(NetworkInterfaceRecord.TABLE, eniId).isEmpty()) {
            throw Ec2Errors.notFound(ComputeKinds.NETWORK_INTERFACE, eniId);
        }
    }

    /** Whether a route to it works: it exists and is neither terminated nor shutting down. */
    public boolean instanceAlive(Tx tx, String instanceId) {
        return tx.get(InstanceRecord.TABLE, instanceId)
                .filter(i -> i.state() != InstanceState.TERMINATED && i.state() != InstanceState.SHUTTING_DOWN)
                .isPresent();
    }

    public boolean networkInterfaceAlive(Tx tx, String eniId) {
        return tx.get(NetworkInterfaceRecord.TABLE, eniId).isPresent();
    }

    /** The VPC of an instance or network interface. */
    public Optional<String> vpcOf(Tx tx, String instanceOrEniId) {
        if (ComputeKinds.INSTANCE.owns(instanceOrEniId)) {
            return tx.get(InstanceRecord.TABLE, instanceOrEniId).map(i -> i.launch().vpcId());
        }
        return tx.get(NetworkInterfaceRecord.TABLE, instanceOrEniId).map(NetworkInterfaceRecord::vpcId);
    }

    public Optional<String> primaryNetworkInterface(Tx tx, String instanceId) {
        return tx.get(InstanceRecord.TABLE, instanceId).map(i -> i.launch().primaryNetworkInterfaceId());
    }

    /** Throws InvalidAllocationID.NotFound unless the allocation exists. */
    public ElasticIp requireElasticIp(Tx tx, String allocationId) {
        AddressRecord address = tx.get(AddressRecord.TABLE, allocationId)
                .orElseThrow(() -> io.kumo.core.AwsException.badRequest("InvalidAllocationID.NotFound",
                        "The allocation ID '" + allocationId + "' does not exist"));
        return new ElasticIp(address.allocationId(), address.publicIp(), address.associated());
    }
}
