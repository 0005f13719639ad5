package io.kumo.ec2.network.sg;

import io.kumo.core.store.Tx;
import io.kumo.ec2.network.sg.SecurityGroupRecord.SecurityGroupRule;
import io.kumo.ec2.support.Filters;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.ReferencedSecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Security groups as DescribeSecurityGroups shows them: the single rules grouped back into
 * IpPermissions by protocol and ports, as EC2 does; and rules as DescribeSecurityGroupRules shows them.
 */
public final class SecurityGroupViews {
    private SecurityGroupViews() {
    }

    public static String arn(String region, SecurityGroupRecord g) {
        return "arn:aws:ec2:" + region + ":" + g.ownerId() + ":security-group/" + g.groupId();
    }

    public static SecurityGroup toSdk(Tx tx, SecurityGroupRecord g, String region) {
        return SecurityGroup.builder()
                .groupId(g.groupId())
                .groupName(g.groupName())
                .description(g.description())
                .vpcId(g.vpcId())
                .ownerId(g.ownerId())
                .securityGroupArn(arn(region, g))
                .ipPermissions(permissions(g.ingressRules()))
                .ipPermissionsEgress(permissions(g.egressRules()))
                .tags(Tags.sdkTags(tx, g.groupId()))
                .build();
    }

    /** Rules with the same protocol and ports make one IpPermission, in the order they were added. */
    public static List<IpPermission> permissions(List<SecurityGroupRule> rules) {
        Map<String, List<SecurityGroupRule>> byPorts = new LinkedHashMap<>();
        for (SecurityGroupRule r : rules) {
            byPorts.computeIfAbsent(r.ipProtocol() + "/" + r.fromPort() + "/" + r.toPort(), k -> new ArrayList<>()).add(r);
        }
        List<IpPermission> out = new ArrayList<>();
        for (List<SecurityGroupRule> same : byPorts.values()) {
            SecurityGroupRule first = same.getFirst();
            boolean ports = Protocols.hasPorts(first.ipProtocol()) || Protocols.isIcmp(first.ipProtocol());
            out.add(IpPermission.builder()
                    .ipProtocol(first.ipProtocol())
                    .fromPort(ports ? first.fromPort() : null)
                    .toPort(ports ? first.toPort() : null)
                    .ipRanges(same.stream().filter(r -> r.cidrIpv4() != null)
                            .map(r -> IpRange.builder().cidrIp(r.cidrIpv4()).description(r.description()).build()).toList())
                    .ipv6Ranges(same.stream().filter(r -> r.cidrIpv6() != null)
                            .map(r -> Ipv6Range.builder().cidrIpv6(r.cidrIpv6()).description(r.description()).build()).toList())
                    .prefixListIds(same.stream().filter(r -> r.prefixListId() != null)
                            .map(r -> PrefixListId.builder().prefixListId(r.prefixListId()).description(r.description()).build()).toList())
                    .userIdGroupPairs(same.stream().filter(r -> r.referencedGroupId() != null)
                            .map(r -> UserIdGroupPair.builder().groupId(r.referencedGroupId()).userId(r.referencedGroupOwnerId())
                                    .description(r.description()).build()).toList())
                    .build());
        }
        return out;
    }

    public static software.amazon.awssdk.services.ec2.model.SecurityGroupRule toSdk(Tx tx, SecurityGroupRecord g, SecurityGroupRule r,
                                                                                   String region) {
        return software.amazon.awssdk.services.ec2.model.SecurityGroupRule.builder()
                .securityGroupRuleId(r.ruleId())
                .groupId(g.groupId())
                .groupOwnerId(g.ownerId())
                .isEgress(r.egress())
                .ipProtocol(r.ipProtocol())
                .fromPort(r.fromPort())
                .toPort(r.toPort())
                .cidrIpv4(r.cidrIpv4())
                .cidrIpv6(r.cidrIpv6())
                .prefixListId(r.prefixListId())
                .referencedGroupInfo(r.referencedGroupId() == null ? null
                        : ReferencedSecurityGroup.builder().groupId(r.referencedGroupId()).userId(r.referencedGroupOwnerId()).build())
                .description(r.description())
                .securityGroupRuleArn("arn:aws:ec2:" + region + ":" + g.ownerId() + ":security-group-rule/" + r.ruleId())
                .tags(Tags.sdkTags(tx, r.ruleId()))
                .build();
    }

    public static Filters<SecurityGroupRecord> filters(Tx tx) {
        Filters<SecurityGroupRecord> f = Filters.<SecurityGroupRecord>forType(g -> Tags.of(tx, g.groupId()))
                .one("description", SecurityGroupRecord::description)
                .one("group-id", SecurityGroupRecord::groupId)
                .one("group-name", SecurityGroupRecord::groupName)
                .one("owner-id", SecurityGroupRecord::ownerId)
                .one("vpc-id", SecurityGroupRecord::vpcId);
        permissionFilters(tx, f, "ip-permission.", SecurityGroupRecord::ingressRules);
        permissionFilters(tx, f, "egress.ip-permission.", SecurityGroupRecord::egressRules);
        return f;
    }

    private static void permissionFilters(Tx tx, Filters<SecurityGroupRecord> f, String prefix,
                                          Function<SecurityGroupRecord, List<SecurityGroupRule>> rules) {
        f.many(prefix + "cidr", g -> values(rules.apply(g), SecurityGroupRule::cidrIpv4));
        f.many(prefix + "ipv6-cidr", g -> values(rules.apply(g), SecurityGroupRule::cidrIpv6));
        f.many(prefix + "prefix-list-id", g -> values(rules.apply(g), SecurityGroupRule::prefixListId));
        f.many(prefix + "group-id", g -> values(rules.apply(g), SecurityGroupRule::referencedGroupId));
        f.many(prefix + "user-id", g -> values(rules.apply(g), SecurityGroupRule::referencedGroupOwnerId));
        f.many(prefix + "group-name", g -> values(rules.apply(g), r -> r.referencedGroupId() == null ? null
                : tx.get(SecurityGroupRecord.TABLE, r.referencedGroupId()).map(SecurityGroupRecord::groupName).orElse(null)));
        f.many(prefix + "protocol", g -> values(rules.apply(g), SecurityGroupRule::ipProtocol));
        f.many(prefix + "from-port", g -> values(rules.apply(g), r -> String.valueOf(r.fromPort())));
        f.many(prefix + "to-port", g -> values(rules.apply(g), r -> String.valueOf(r.toPort())));
    }

    private static List<Object> values(List<SecurityGroupRule> rules, Function<SecurityGroupRule, String> field) {
        return rules.stream().map(field).filter(Objects::nonNull).map(v -> (Object) v).toList();
    }
}
