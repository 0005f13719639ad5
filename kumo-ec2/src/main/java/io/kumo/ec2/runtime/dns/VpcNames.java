package io.kumo.ec2.runtime.dns;

import java.util.List;
import java.util.Objects;

/**
 * What one VPC's resolver answers from: the VPC's DNS attributes and every instance of the account in the region
 * (instances of other VPCs are needed for their public names).
 *
 * @param dnsSupport   the VPC's enableDnsSupport: when false the resolver refuses every query
 * @param dnsHostnames the VPC's enableDnsHostnames: when true, public names of this VPC's instances resolve to their
 *                     private addresses from inside the VPC
 */
public record VpcNames(String vpcId, String region, boolean dnsSupport, boolean dnsHostnames, List<HostEntry> hosts) {
    public VpcNames {
        Objects.requireNonNull(vpcId, "vpcId");
        Objects.requireNonNull(region, "region");
        hosts = List.copyOf(hosts);
    }
}
