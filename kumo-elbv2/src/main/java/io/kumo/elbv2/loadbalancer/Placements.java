package io.kumo.elbv2.loadbalancer;

import io.kumo.core.network.VpcDirectory;
import io.kumo.core.store.Tx;
import io.kumo.elbv2.support.Elbv2Errors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Where a load balancer lives: its subnets (one per zone, at least two zones) and its security groups, checked as ELBv2 checks them. */
final class Placements {
    private static final int MOST_SECURITY_GROUPS = 5;

    /** The zones of {@code subnetIds}, in zone order, and the VPC they all belong to. */
    record Zones(String vpcId, List<LoadBalancerRecord.Zone> zones) {
    }

    private Placements() {
    }

    /** @param vpcId the load balancer's VPC, or null when creating it (the subnets decide) */
    static Zones zones(Tx tx, VpcDirectory vpcs, List<String> subnetIds, String vpcId) {
        if (subnetIds.isEmpty()) {
            throw Elbv2Errors.validation("At least two subnets in two different Availability Zones must be specified");
        }
        Map<String, LoadBalancerRecord.Zone> byZone = new HashMap<>();
        String vpc = vpcId;
        for (String subnetId : new LinkedHashSet<>(subnetIds)) {
            VpcDirectory.Subnet subnet = vpcs.subnet(tx, subnetId).orElseThrow(() -> Elbv2Errors.of("SubnetNotFound",
                    "The subnet ID '" + subnetId + "' is not valid"));
            if (vpc == null) {
                vpc = subnet.vpcId();
            } else if (!vpc.equals(subnet.vpcId())) {
                throw Elbv2Errors.invalidConfiguration(vpcId == null
                        ? "The subnets must all be in the same VPC; '" + subnetId + "' is in '" + subnet.vpcId() + "'"
                        : "Subnet '" + subnetId + "' is not in the load balancer's VPC '" + vpcId + "'");
            }
            if (byZone.putIfAbsent(subnet.availabilityZone(),
                    new LoadBalancerRecord.Zone(subnet.availabilityZone(), subnet.availabilityZoneId(), subnetId, null, null)) != null) {
                throw Elbv2Errors.invalidConfiguration("A load balancer cannot be attached to multiple subnets in the same Availability Zone");
            }
        }
        if (byZone.size() < 2) {
            throw Elbv2Errors.validation("At least two subnets in two different Availability Zones must be specified");
        }
        List<LoadBalancerRecord.Zone> zones = new ArrayList<>(byZone.values());
        zones.sort(Comparator.comparing(LoadBalancerRecord.Zone::zoneName));
        return new Zones(vpc, List.copyOf(zones));
    }

    /** The groups, checked to exist in the VPC; none given means the VPC's default group. */
    static List<String> securityGroups(Tx tx, VpcDirectory vpcs, List<String> groupIds, String vpcId) {
        if (groupIds.isEmpty()) {
            return vpcs.defaultSecurityGroup(tx, vpcId).map(List::of).orElse(List.of());
        }
        List<String> unique = List.copyOf(new LinkedHashSet<>(groupIds));
        if (unique.size() > MOST_SECURITY_GROUPS) {
            throw Elbv2Errors.validation("A load balancer can have at most " + MOST_SECURITY_GROUPS + " security groups");
        }
        for (String id : unique) {
            VpcDirectory.SecurityGroup group = vpcs.securityGroup(tx, id)
                    .orElseThrow(() -> Elbv2Errors.of("InvalidSecurityGroup", "Security group '" + id + "' does not exist"));
            if (!group.vpcId().equals(vpcId)) {
                throw Elbv2Errors.of("InvalidSecurityGroup", "Security group '" + id + "' does not belong to VPC '" + vpcId + "'");
            }
        }
        return unique;
    }
}
