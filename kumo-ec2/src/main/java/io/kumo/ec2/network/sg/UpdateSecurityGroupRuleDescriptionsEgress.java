package io.kumo.ec2.network.sg;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.ec2.model.UpdateSecurityGroupRuleDescriptionsEgressRequest;
import software.amazon.awssdk.services.ec2.model.UpdateSecurityGroupRuleDescriptionsEgressResponse;

public final class UpdateSecurityGroupRuleDescriptionsEgress
        implements Handler<UpdateSecurityGroupRuleDescriptionsEgressRequest, UpdateSecurityGroupRuleDescriptionsEgressResponse> {

    @Override
    public UpdateSecurityGroupRuleDescriptionsEgressResponse handle(RequestContext ctx, UpdateSecurityGroupRuleDescriptionsEgressRequest in) {
        return ctx.write(tx -> {
            SecurityGroupRecord group = TargetGroup.require(tx, in.groupId(), in.groupName());
            RuleDescriptions.update(tx, group, true, in.ipPermissions(), in.securityGroupRuleDescriptions());
            return UpdateSecurityGroupRuleDescriptionsEgressResponse.builder().returnValue(true).build();
        });
    }
}
