package io.kumo.ec2.network.sg;

import io.kumo.core.AwsException;
import io.kumo.core.store.Tx;
import io.kumo.ec2.network.sg.SecurityGroupRecord.SecurityGroupRule;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.RevokedSecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Adding and removing rules of one group, shared by the ingress and egress actions. */
final class RuleEdits {
    /** Inbound and outbound rules per group, each. */
    static final int MAX_RULES_PER_DIRECTION = 60;

    private RuleEdits() {
    }

    /** Adds the rules; any duplicate (of a present rule or within the call) refuses the whole call. */
    static List<SecurityGroupRule> authorize(Tx tx, SecurityGroupRecord group, List<SecurityGroupRule> added,
                                             List<TagSpecification> tagSpecifications) {
        List<SecurityGroupRule> all = new ArrayList<>(group.rules());
        for (SecurityGroupRule rule : added) {
            if (all.stream().anyMatch(rule::samePermission)) {
                throw Permissions.duplicate(rule);
            }
            all.add(rule);
        }
        checkLimit(all, false);
        checkLimit(all, true);
        SecurityGroupSetup.store(tx, group.withRules(all));
        for (SecurityGroupRule rule : added) {
            Tags.applySpecifications(tx, rule.ruleId(), "security-group-rule", tagSpecifications, List.of("security-group-rule"));
        }
        return added;
    }

    static void checkLimit(List<SecurityGroupRule> rules, boolean egress) {
        if (rules.stream().filter(r -> r.egress() == egress).count() > MAX_RULES_PER_DIRECTION) {
            throw AwsException.badRequest("RulesPerSecurityGroupLimitExceeded",
                    "The maximum number of rules per security group has been reached.");
        }
    }

    /** Removes rules named by id (all must be this group's, in this direction) or by permission. */
    static List<SecurityGroupRule> revoke(Tx tx, SecurityGroupRecord group, boolean egress, List<String> ruleIds,
                                          List<IpPermission> permissions, Permissions.Legacy legacy) {
        boolean byIds = ruleIds != null && !ruleIds.isEmpty();
        Set<String> removed = new LinkedHashSet<>();
        if (byIds) {
            if ((permissions != null && !permissions.isEmpty()) || legacy.given()) {
                throw io.kumo.ec2.support.Ec2Errors.invalidParameterCombination(
                        "The parameter securityGroupRuleIds cannot be used with the parameter ipPermissions");
            }
            for (String id : ruleIds) {
                io.kumo.ec2.network.NetworkKinds.SECURITY_GROUP_RULE.check(id);
                boolean mine = group.rules().stream().anyMatch(r -> r.ruleId().equals(id) && r.egress() == egress);
                if (!mine) {
                    throw AwsException.badRequest("InvalidSecurityGroupRuleId.NotFound",
                            "The security group rule ID '" + id + "' does not exist");
                }
                removed.add(id);
            }
        } else {
            for (SecurityGroupRule wanted : Permissions.rules(tx, group, egress, permissions, legacy)) {
                SecurityGroupRule present = group.rules().stream().filter(wanted::samePermission).findFirst()
                        .orElseThrow(() -> AwsException.badRequest("InvalidPermission.NotFound",
                                "The specified rule does not exist in this security group."));
                removed.add(present.ruleId());
            }
        }
        List<SecurityGroupRule> gone = group.rules().stream().filter(r -> removed.contains(r.ruleId())).toList();
        SecurityGroupSetup.store(tx, group.withRules(group.rules().stream().filter(r -> !removed.contains(r.ruleId())).toList()));
        return gone;
    }

    static RevokedSecurityGroupRule revoked(SecurityGroupRecord group, SecurityGroupRule r) {
        return RevokedSecurityGroupRule.builder()
                .securityGroupRuleId(r.ruleId())
                .groupId(group.groupId())
                .isEgress(r.egress())
                .ipProtocol(r.ipProtocol())
                .fromPort(r.fromPort())
                .toPort(r.toPort())
                .cidrIpv4(r.cidrIpv4())
                .cidrIpv6(r.cidrIpv6())
                .prefixListId(r.prefixListId())
                .referencedGroupId(r.referencedGroupId())
                .description(r.description())
                .build();
    }
}
