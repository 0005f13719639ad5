package io.kumo.ec2.network.sg;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.sg.SecurityGroupRecord.SecurityGroupRule;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.ModifySecurityGroupRulesRequest;
import software.amazon.awssdk.services.ec2.model.ModifySecurityGroupRulesResponse;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleUpdate;

import java.util.ArrayList;
import java.util.List;

/** Rewrites rules in place: same sgr- id, new protocol, ports, peer or description. */
public final class ModifySecurityGroupRules implements Handler<ModifySecurityGroupRulesRequest, ModifySecurityGroupRulesResponse> {

    @Override
    public ModifySecurityGroupRulesResponse handle(RequestContext ctx, ModifySecurityGroupRulesRequest in) {
        return ctx.write(tx -> {
            SecurityGroupRecord group = Lookups.require(tx, NetworkKinds.SECURITY_GROUP, in.groupId());
            List<SecurityGroupRule> rules = new ArrayList<>(group.rules());
            for (SecurityGroupRuleUpdate update : in.securityGroupRules()) {
                String id = update.securityGroupRuleId();
                if (id == null) {
                    throw Ec2Errors.missingParameter("SecurityGroupRuleId");
                }
                NetworkKinds.SECURITY_GROUP_RULE.check(id);
                int index = indexOf(rules, id);
                if (index < 0) {
                    throw AwsException.badRequest("InvalidSecurityGroupRuleId.NotFound",
                            "The security group rule ID '" + id + "' does not exist");
                }
                if (update.securityGroupRule() == null) {
                    throw Ec2Errors.missingParameter("SecurityGroupRule");
                }
                SecurityGroupRule changed = Permissions.rule(tx, group, id, rules.get(index).egress(), update.securityGroupRule());
                for (int i = 0; i < rules.size(); i++) {
                    if (i != index && rules.get(i).samePermission(changed)) {
                        throw Permissions.duplicate(changed);
                    }
                }
                rules.set(index, changed);
            }
            SecurityGroupSetup.store(tx, group.withRules(rules));
            return ModifySecurityGroupRulesResponse.builder().returnValue(true).build();
        });
    }

    private static int indexOf(List<SecurityGroupRule> rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).ruleId().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
