package io.kumo.fabric.firewall;

import java.util.List;
import java.util.Objects;

/**
 * A network interface (ENI) the firewall protects: an instance's, and later a load balancer
 * node's or a database's. It is known by its address, because bridged and routed packets only
 * show the bridge as their interface.
 *
 * @param address  its private IPv4 address
 * @param subnetId the subnet it sits in
 * @param groupIds the security groups it carries
 */
public record Interface(String address, String subnetId, List<String> groupIds) {

    public Interface {
        Ipv4Cidr.parseAddress(Objects.requireNonNull(address, "address"));
        Objects.requireNonNull(subnetId, "subnetId");
        groupIds = List.copyOf(groupIds);
    }

    int numericAddress() {
        return Ipv4Cidr.parseAddress(address);
    }
}
