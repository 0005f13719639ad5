package io.kumo.ec2.runtime.dns;

import io.kumo.core.dns.GeneratedNames;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Instances' public DNS names (ec2-A-B-C-D.REGION.compute.amazonaws.com, as DescribeInstances reports PublicDnsName)
 * in every region, with their public addresses, which are the same for every asker: Kumo's public pool is in
 * 127.0.0.0/8, reached from the host and from the VPCs alike. The host listener answers them through this source; a
 * VPC's resolver answers its own region's names first from {@link InstanceNames} (split horizon), other regions' here.
 * Replaced whole on each update of the instance runner.
 */
public final class PublicInstanceNames implements GeneratedNames.Source {
    private volatile Map<String, String> byName = Map.of();

    /** @param publicNames public DNS name (lower case, without the final dot) → public IPv4 address */
    public void update(Map<String, String> publicNames) {
        byName = Map.copyOf(publicNames);
    }

    @Override
    public Set<String> domains() {
        return Set.of("compute.amazonaws.com", "compute-1.amazonaws.com");
    }

    @Override
    public List<String> addresses(String vpcId, String name) {
        return hostAddresses(name);
    }

    @Override
    public List<String> hostAddresses(String name) {
        String ip = byName.get(GeneratedNames.normalize(name));
        return ip == null ? List.of() : List.of(ip);
    }
}
