package io.kumo.elbv2.loadbalancer;

import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerState;

import java.util.List;

/** Load balancers as the API shows them. */
public final class LoadBalancers {
    /** Where internet-facing load balancers' DNS names live: under .localhost, which curl and browsers resolve to loopback themselves. */
    public static final String DNS_SUFFIX = "elb.localhost";
    /** Where internal ones' live, as on AWS: only the VPC resolvers answer them, and the host has no way in anyway. */
    public static final String INTERNAL_DNS_SUFFIX = "elb.amazonaws.com";

    private LoadBalancers() {
    }

    static LoadBalancer toSdk(LoadBalancerRecord lb) {
        return LoadBalancer.builder()
                .loadBalancerArn(lb.arn())
                .loadBalancerName(lb.name())
                .dnsName(lb.dnsName())
                .canonicalHostedZoneId(lb.canonicalHostedZoneId())
                .createdTime(lb.createdTime())
                .scheme(lb.scheme())
                .vpcId(lb.vpcId())
                .state(LoadBalancerState.builder().code(lb.state()).build())
                .type(lb.type())
                .availabilityZones(zones(lb))
                .securityGroups(lb.securityGroups())
                .ipAddressType(lb.ipAddressType())
                .build();
    }

    static List<AvailabilityZone> zones(LoadBalancerRecord lb) {
        return lb.zones().stream()
                .map(z -> AvailabilityZone.builder().zoneName(z.zoneName()).subnetId(z.subnetId()).build())
                .toList();
    }

    /** NAME-DIGITS.REGION.elb.localhost, or internal-NAME-DIGITS.REGION.elb.amazonaws.com for the internal scheme, as AWS shapes them. */
    static String dnsName(String name, String scheme, String region) {
        StringBuilder digits = new StringBuilder();
        var random = io.kumo.core.Ids.random();
        digits.append(1 + random.nextInt(9));
        for (int i = 0; i < 9; i++) {
            digits.append(random.nextInt(10));
        }
        boolean internal = LoadBalancerRecord.INTERNAL.equals(scheme);
        return (internal ? "internal-" : "") + name + "-" + digits + "." + region + "." + (internal ? INTERNAL_DNS_SUFFIX : DNS_SUFFIX);
    }
}
