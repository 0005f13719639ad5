package io.kumo.ec2.network.sg;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressResponse;

public final class RevokeSecurityGroupEgress implements Handler<RevokeSecurityGroupEgressRequest, RevokeSecurityGroupEgressResponse> {

    @Override
    public RevokeSecurityGroupEgressResponse handle(RequestContext ctx, RevokeSecurityGroupEgressRequest in) {
        var legacy = new Permissions.Legacy(in.cidrIp(), in.ipProtocol(), in.fromPort(), in.toPort(),
                in.sourceSecurityGroupName(), in.sourceSecurityGroupOwnerId());
        return ctx.write(tx -> {
            SecurityGroupRecord group = TargetGroup.require(tx, in.groupId(), null);
            var gone = RuleEdits.revoke(tx, group, true, in.securityGroupRuleIds(), in.ipPermissions(), legacy);
            return RevokeSecurityGroupEgressResponse.builder()
                    .returnValue(true)
                    .revokedSecurityGroupRules(gone.stream().map(r -> RuleEdits.revoked(group, r)).toList())
                    .build();
        });
    }
}
