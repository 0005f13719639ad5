package io.kumo.ec2.network.sg;

import io.kumo.core.store.Table;

import java.time.Instant;
import java.util.List;

/**
 * A security group as stored, with its rules. Each rule is one sgr- id with exactly one peer
 * (an IPv4 block, an IPv6 block, a prefix list or a group), as the SecurityGroupRules API shows them.
 */
public record SecurityGroupRecord(
        String groupId,
        String groupName,
        String description,
        String vpcId,
        String ownerId,
        List<SecurityGroupRule> rules,
        Instant createdAt) {

    public static final Table<SecurityGroupRecord> TABLE = Table.regional("ec2.security-groups", SecurityGroupRecord.class);

    public static final String DEFAULT_NAME = "default";

    public SecurityGroupRecord {
        rules = List.copyOf(rules);
    }

    /**
     * One rule. {@code ipProtocol} is normalised as AWS shows it ("tcp", "udp", "icmp", "icmpv6",
     * "-1" or another protocol number); ports are -1 when the protocol has none (for ICMP they are
     * type and code). Exactly one of the four peer fields is set.
     */
    public record SecurityGroupRule(
            String ruleId,
            boolean egress,
            String ipProtocol,
            int fromPort,
            int toPort,
            String cidrIpv4,
            String cidrIpv6,
            String prefixListId,
            String referencedGroupId,
            String referencedGroupOwnerId,
            String description) {

        public SecurityGroupRule withDescription(String newDescription) {
            return new SecurityGroupRule(ruleId, egress, ipProtocol, fromPort, toPort, cidrIpv4, cidrIpv6, prefixListId,
                    referencedGroupId, referencedGroupOwnerId, newDescription);
        }

        /** Same direction, protocol, ports and peer: what makes a rule a duplicate. */
        public boolean samePermission(SecurityGroupRule other) {
            return egress == other.egress
                    && ipProtocol.equals(other.ipProtocol)
                    && fromPort == other.fromPort
                    && toPort == other.toPort
                    && java.util.Objects.equals(cidrIpv4, other.cidrIpv4)
                    && java.util.Objects.equals(cidrIpv6, other.cidrIpv6)
                    && java.util.Objects.equals(prefixListId, other.prefixListId)
                    && java.util.Objects.equals(referencedGroupId, other.referencedGroupId);
        }
    }

    public boolean defaultGroup() {
        return DEFAULT_NAME.equals(groupName);
    }

    public List<SecurityGroupRule> ingressRules() {
        return rules.stream().filter(r -> !r.egress()).toList();
    }

    public List<SecurityGroupRule> egressRules() {
        return rules.stream().filter(SecurityGroupRule::egress).toList();
    }

    public SecurityGroupRecord withRules(List<SecurityGroupRule> newRules) {
        return new SecurityGroupRecord(groupId, groupName, description, vpcId, ownerId, newRules, createdAt);
    }
}
