package io.kumo.elbv2.loadbalancer;

import io.kumo.core.store.Table;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An application load balancer, keyed by ARN.
 *
 * @param state       "provisioning", "active" or "failed"
 * @param zones       one subnet per enabled zone, in zone order
 * @param attributes  every attribute with its current value (defaults included), by key
 */
public record LoadBalancerRecord(
        String arn,
        String name,
        String dnsName,
        String canonicalHostedZoneId,
        Instant createdTime,
        String scheme,
        String vpcId,
        String state,
        String type,
        List<Zone> zones,
        List<String> securityGroups,
        String ipAddressType,
        Map<String, String> attributes) {

    public static final Table<LoadBalancerRecord> TABLE = Table.regional("elbv2.load-balancers", LoadBalancerRecord.class);

    public static final String PROVISIONING = "provisioning";
    public static final String ACTIVE = "active";
    public static final String INTERNET_FACING = "internet-facing";
    public static final String INTERNAL = "internal";

    public LoadBalancerRecord {
        zones = List.copyOf(zones);
        securityGroups = List.copyOf(securityGroups);
        attributes = Map.copyOf(attributes);
    }

    /**
     * An enabled zone: the subnet the load balancer has a node in there, and the node's managed
     * network interface (null until it has one).
     */
    public record Zone(String zoneName, String zoneId, String subnetId, String networkInterfaceId, String privateIpAddress) {

        public Zone withInterface(String interfaceId, String ip) {
            return new Zone(zoneName, zoneId, subnetId, interfaceId, ip);
        }

        boolean sameSubnet(Zone other) {
            return zoneName.equals(other.zoneName) && subnetId.equals(other.subnetId);
        }
    }

    public boolean hasZone(String zoneName) {
        return zones.stream().anyMatch(z -> z.zoneName().equals(zoneName));
    }

    public LoadBalancerRecord withState(String value) {
        return new LoadBalancerRecord(arn, name, dnsName, canonicalHostedZoneId, createdTime, scheme, vpcId, value, type, zones,
                securityGroups, ipAddressType, attributes);
    }

    public LoadBalancerRecord withZones(List<Zone> value) {
        return new LoadBalancerRecord(arn, name, dnsName, canonicalHostedZoneId, createdTime, scheme, vpcId, state, type, value,
                securityGroups, ipAddressType, attributes);
    }

    public LoadBalancerRecord withSecurityGroups(List<String> value) {
        return new LoadBalancerRecord(arn, name, dnsName, canonicalHostedZoneId, createdTime, scheme, vpcId, state, type, zones,
                value, ipAddressType, attributes);
    }

    public LoadBalancerRecord withAttributes(Map<String, String> value) {
        return new LoadBalancerRecord(arn, name, dnsName, canonicalHostedZoneId, createdTime, scheme, vpcId, state, type, zones,
                securityGroups, ipAddressType, value);
    }
}
