package io.kumo.ec2.network.sg;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.ec2.model.UpdateSecurityGroupRuleDescriptionsIngressRequest;
import software.amazon.awssdk.services.ec2.model.UpdateSecurityGroupRuleDescriptionsIngressResponse;

public final class UpdateSecurityGroupRuleDescriptionsIngress
        implements Handler<UpdateSecurityGroupRuleDescriptionsIngressRequest, UpdateSecurityGroupRuleDescriptionsIngressResponse> {

    @Override
    public UpdateSecurityGroupRuleDescriptionsIngressResponse handle(RequestContext ctx, UpdateSecurityGroupRuleDescriptionsIngressRequest in) {
        return ctx.write(tx -> {
            SecurityGroupRecord group = TargetGroup.require(tx, in.groupId(), in.groupName());
            RuleDescriptions.update(tx, group, false, in.ipPermissions(), in.securityGroupRuleDescriptions());
            return UpdateSecurityGroupRuleDescriptionsIngressResponse.builder().returnValue(true).build();
        });
    }
}
