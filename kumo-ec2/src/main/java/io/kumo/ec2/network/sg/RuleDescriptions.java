package io.kumo.ec2.network.sg;

import io.kumo.core.AwsException;
import io.kumo.core.store.Tx;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.sg.SecurityGroupRecord.SecurityGroupRule;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleDescription;

import java.util.ArrayList;
import java.util.List;

/** UpdateSecurityGroupRuleDescriptionsIngress/Egress: by permissions (matched without their description) or by rule ids. */
final class RuleDescriptions {
    private RuleDescriptions() {
    }

    static void update(Tx tx, SecurityGroupRecord group, boolean egress, List<IpPermission> permissions,
                       List<SecurityGroupRuleDescription> byId) {
        boolean hasPermissions = permissions != null && !permissions.isEmpty();
        boolean hasIds = byId != null && !byId.isEmpty();
        if (hasPermissions == hasIds) {
            throw Ec2Errors.invalidParameterCombination(hasIds
                    ? "The parameter ipPermissions cannot be used with the parameter securityGroupRuleDescriptions"
                    : "Either 'ipPermissions' or 'securityGroupRuleDescriptions' should be provided.");
        }
        List<SecurityGroupRule> rules = new ArrayList<>(group.rules());
        if (hasIds) {
            for (SecurityGroupRuleDescription d : byId) {
                NetworkKinds.SECURITY_GROUP_RULE.check(d.securityGroupRuleId());
                int index = -1;
                for (int i = 0; i < rules.size(); i++) {
                    if (rules.get(i).ruleId().equals(d.securityGroupRuleId()) && rules.get(i).egress() == egress) {
                        index = i;
                    }
                }
                if (index < 0) {
                    throw AwsException.badRequest("InvalidSecurityGroupRuleId.NotFound",
                            "The security group rule ID '" + d.securityGroupRuleId() + "' does not exist");
                }
                rules.set(index, rules.get(index).withDescription(Permissions.description(d.description())));
            }
        } else {
            for (IpPermission permission : permissions) {
                for (SecurityGroupRule wanted : Permissions.rules(tx, group, egress, permission)) {
                    int index = -1;
                    for (int i = 0; i < rules.size(); i++) {
                        if (rules.get(i).samePermission(wanted)) {
                            index = i;
                        }
                    }
                    if (index < 0) {
                        throw AwsException.badRequest("InvalidPermission.NotFound",
                                "The specified rule does not exist in this security group.");
                    }
                    rules.set(index, rules.get(index).withDescription(wanted.description()));
                }
            }
        }
        SecurityGroupSetup.store(tx, group.withRules(rules));
    }
}
