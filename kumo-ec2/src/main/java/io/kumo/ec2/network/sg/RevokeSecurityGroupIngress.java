package io.kumo.ec2.network.sg;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressResponse;

public final class RevokeSecurityGroupIngress implements Handler<RevokeSecurityGroupIngressRequest, RevokeSecurityGroupIngressResponse> {

    @Override
    public RevokeSecurityGroupIngressResponse handle(RequestContext ctx, RevokeSecurityGroupIngressRequest in) {
        var legacy = new Permissions.Legacy(in.cidrIp(), in.ipProtocol(), in.fromPort(), in.toPort(),
                in.sourceSecurityGroupName(), in.sourceSecurityGroupOwnerId());
        return ctx.write(tx -> {
            SecurityGroupRecord group = TargetGroup.require(tx, in.groupId(), in.groupName());
            var gone = RuleEdits.revoke(tx, group, false, in.securityGroupRuleIds(), in.ipPermissions(), legacy);
            return RevokeSecurityGroupIngressResponse.builder()
                    .returnValue(true)
                    .revokedSecurityGroupRules(gone.stream().map(r -> RuleEdits.revoked(group, r)).toList())
                    .build();
        });
    }
}
