package io.kumo.ec2.network.sg;

import io.kumo.core.net.Ipv4Address;
import io.kumo.core.net.Ipv4Cidr;

import java.util.Collection;

/**
 * What security groups let in over TCP from an address outside the VPC, for the places that must
 * decide it themselves rather than the router's firewall: the host's doors to public instances
 * and to load balancers. Group references never match an outside address.
 */
public final class IngressRules {

    private IngressRules() {
    }

    /** Whether the rule is an ingress rule for TCP (or all traffic) from a range holding {@code source}. */
    public static boolean admitsTcpFrom(SecurityGroupRecord.SecurityGroupRule rule, RuleSources sources, Ipv4Address source) {
        if (rule.egress() || !(allProtocols(rule) || rule.ipProtocol().equals("tcp") || rule.ipProtocol().equals("6"))) {
            return false;
        }
        return sources.cidrs(rule).stream().anyMatch(c -> Ipv4Cidr.parse(c).contains(source));
    }

    public static int fromPort(SecurityGroupRecord.SecurityGroupRule rule) {
        return allProtocols(rule) || rule.fromPort() < 1 ? 1 : rule.fromPort();
    }

    public static int toPort(SecurityGroupRecord.SecurityGroupRule rule) {
        return allProtocols(rule) || rule.toPort() < 0 ? 65535 : rule.toPort();
    }

    /** Whether any of the groups lets TCP to {@code port} in from {@code source}. */
    public static boolean admit(Collection<SecurityGroupRecord> groups, RuleSources sources, int port, Ipv4Address source) {
        return groups.stream().flatMap(g -> g.rules().stream())
                .anyMatch(r -> admitsTcpFrom(r, sources, source) && fromPort(r) <= port && port <= toPort(r));
    }

    private static boolean allProtocols(SecurityGroupRecord.SecurityGroupRule rule) {
        return rule.ipProtocol().equals("-1");
    }
}
