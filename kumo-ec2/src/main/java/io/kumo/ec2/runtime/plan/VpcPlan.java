package io.kumo.ec2.runtime.plan;

import io.kumo.core.net.Ipv4Cidr;

import java.util.List;

/** What a VPC's router namespace must hold: a bridge per subnet, and a link to its internet gateway when one is attached. */
public record VpcPlan(String vpcId, String region, List<Ipv4Cidr> cidrs, List<SubnetPlan> subnets, boolean internetGateway,
                      boolean dnsSupport, boolean dnsHostnames) {
    public VpcPlan {
        cidrs = List.copyOf(cidrs);
        subnets = List.copyOf(subnets);
    }

    /** The Amazon-provided DNS server: the primary block's base + 2. */
    public String resolver() {
        return cidrs.getFirst().addressAt(2).toString();
    }

    public SubnetPlan subnet(String subnetId) {
        return subnets.stream().filter(s -> s.subnetId().equals(subnetId)).findFirst().orElseThrow();
    }
}
