package io.kumo.ec2.network.sg;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;

public final class AuthorizeSecurityGroupIngress implements Handler<AuthorizeSecurityGroupIngressRequest, AuthorizeSecurityGroupIngressResponse> {

    @Override
    public AuthorizeSecurityGroupIngressResponse handle(RequestContext ctx, AuthorizeSecurityGroupIngressRequest in) {
        var legacy = new Permissions.Legacy(in.cidrIp(), in.ipProtocol(), in.fromPort(), in.toPort(),
                in.sourceSecurityGroupName(), in.sourceSecurityGroupOwnerId());
        return ctx.write(tx -> {
            SecurityGroupRecord group = TargetGroup.require(tx, in.groupId(), in.groupName());
            var added = RuleEdits.authorize(tx, group, Permissions.rules(tx, group, false, in.ipPermissions(), legacy),
                    in.tagSpecifications());
            return AuthorizeSecurityGroupIngressResponse.builder()
                    .returnValue(true)
                    .securityGroupRules(added.stream().map(r -> SecurityGroupViews.toSdk(tx, group, r, ctx.region())).toList())
                    .build();
        });
    }
}
