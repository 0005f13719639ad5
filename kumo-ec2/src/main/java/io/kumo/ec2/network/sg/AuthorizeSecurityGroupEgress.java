package io.kumo.ec2.network.sg;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressResponse;

public final class AuthorizeSecurityGroupEgress implements Handler<AuthorizeSecurityGroupEgressRequest, AuthorizeSecurityGroupEgressResponse> {

    @Override
    public AuthorizeSecurityGroupEgressResponse handle(RequestContext ctx, AuthorizeSecurityGroupEgressRequest in) {
        var legacy = new Permissions.Legacy(in.cidrIp(), in.ipProtocol(), in.fromPort(), in.toPort(),
                in.sourceSecurityGroupName(), in.sourceSecurityGroupOwnerId());
        return ctx.write(tx -> {
            SecurityGroupRecord group = TargetGroup.require(tx, in.groupId(), null);
            var added = RuleEdits.authorize(tx, group, Permissions.rules(tx, group, true, in.ipPermissions(), legacy),
                    in.tagSpecifications());
            return AuthorizeSecurityGroupEgressResponse.builder()
                    .returnValue(true)
                    .securityGroupRules(added.stream().map(r -> SecurityGroupViews.toSdk(tx, group, r, ctx.region())).toList())
                    .build();
        });
    }
}
