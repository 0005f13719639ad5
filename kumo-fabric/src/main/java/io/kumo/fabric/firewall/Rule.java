package io.kumo.fabric.firewall;

import java.util.Objects;

/**
 * One security group rule: which traffic it allows, and from (ingress) or to (egress) whom.
 *
 * @param protocol          {@code tcp}, {@code udp}, {@code icmp}, {@code -1} for all, or an IP
 *                          protocol number
 * @param fromPort          first port, or the ICMP type; -1 when the protocol has none (or any type)
 * @param toPort            last port, or the ICMP code; -1 when the protocol has none (or any code)
 * @param cidr              the peer's network, or null when {@code referencedGroupId} is set. An
 *                          IPv6 CIDR makes the rule inert: this firewall carries IPv4 only
 * @param referencedGroupId the peer is any interface carrying this group, or null when
 *                          {@code cidr} is set
 */
public record Rule(String protocol, int fromPort, int toPort, String cidr, String referencedGroupId) {

    public Rule {
        Objects.requireNonNull(protocol, "protocol");
        if ((cidr == null) == (referencedGroupId == null)) {
            throw new IllegalArgumentException("a rule names exactly one of a CIDR and a group");
        }
        TrafficMatch.of(protocol, fromPort, toPort); // fail at construction, not at render time
        if (cidr != null) {
            Ipv4Cidr.checkRuleCidr(cidr);
        }
    }

    public static Rule fromCidr(String protocol, int fromPort, int toPort, String cidr) {
        return new Rule(protocol, fromPort, toPort, Objects.requireNonNull(cidr, "cidr"), null);
    }

    public static Rule fromGroup(String protocol, int fromPort, int toPort, String groupId) {
        return new Rule(protocol, fromPort, toPort, null, Objects.requireNonNull(groupId, "groupId"));
    }
}
