package io.kumo.elbv2.loadbalancer;

import io.kumo.core.network.ManagedInterfaces;
import io.kumo.core.store.Tx;
import io.kumo.elbv2.support.Arns;

import java.util.ArrayList;
import java.util.List;

/**
 * A load balancer's nodes: one managed network interface per enabled zone, in that zone's subnet,
 * with the load balancer's security groups (EC2 shows them as "ELB app/NAME/ID", requester
 * amazon-elb). The proxy connects to targets from their addresses, so the targets' security
 * groups see the load balancer's.
 */
final class Nodes {
    static final String REQUESTER = "amazon-elb";

    private Nodes() {
    }

    /** {@code wanted} zones with interfaces: kept where the subnet is unchanged, made for new ones, deleted for zones gone. */
    static List<LoadBalancerRecord.Zone> place(Tx tx, ManagedInterfaces interfaces, String loadBalancerArn, List<LoadBalancerRecord.Zone> current,
                                               List<LoadBalancerRecord.Zone> wanted, List<String> groups) {
        List<LoadBalancerRecord.Zone> out = new ArrayList<>();
        for (LoadBalancerRecord.Zone zone : wanted) {
            LoadBalancerRecord.Zone kept = current.stream().filter(z -> z.sameSubnet(zone) && z.networkInterfaceId() != null)
                    .findFirst().orElse(null);
            if (kept != null) {
                out.add(kept);
            } else {
                ManagedInterfaces.Created node = interfaces.create(tx, zone.subnetId(), groups, description(loadBalancerArn), REQUESTER);
                out.add(zone.withInterface(node.networkInterfaceId(), node.privateIpAddress()));
            }
        }
        for (LoadBalancerRecord.Zone old : current) {
            if (old.networkInterfaceId() != null && out.stream().noneMatch(z -> old.networkInterfaceId().equals(z.networkInterfaceId()))) {
                interfaces.delete(tx, old.networkInterfaceId());
            }
        }
        return List.copyOf(out);
    }

    static void setGroups(Tx tx, ManagedInterfaces interfaces, LoadBalancerRecord lb, List<String> groups) {
        lb.zones().stream().filter(z -> z.networkInterfaceId() != null).forEach(z -> interfaces.setGroups(tx, z.networkInterfaceId(), groups));
    }

    static void removeAll(Tx tx, ManagedInterfaces interfaces, LoadBalancerRecord lb) {
        lb.zones().stream().filter(z -> z.networkInterfaceId() != null).forEach(z -> interfaces.delete(tx, z.networkInterfaceId()));
    }

    private static String description(String loadBalancerArn) {
        return "ELB " + Arns.resource(loadBalancerArn);
    }
}
