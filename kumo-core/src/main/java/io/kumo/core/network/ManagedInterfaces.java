package io.kumo.core.network;

import io.kumo.core.store.Tx;

import java.util.List;

/**
 * Network interfaces that a service makes in a customer's subnet for its own nodes (a contract
 * provided by the EC2 module), as a load balancer has one per zone: they take an address of the
 * subnet, carry the service's security groups, show in DescribeNetworkInterfaces as requester
 * managed, and cannot be detached or deleted by the customer. Where instances run, each gets a
 * network namespace ({@link InterfaceNamespaces}).
 */
public interface ManagedInterfaces {

    record Created(String networkInterfaceId, String privateIpAddress) {
    }

    /**
     * @param requester who manages it, as EC2 reports RequesterId and the attachment's owner ("amazon-elb")
     */
    Created create(Tx tx, String subnetId, List<String> groupIds, String description, String requester);

    void setGroups(Tx tx, String networkInterfaceId, List<String> groupIds);

    /** Deletes it, returning its address to the subnet; nothing happens if it is gone already. */
    void delete(Tx tx, String networkInterfaceId);
}
