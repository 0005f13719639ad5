package io.kumo.sts;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Answers with the principal whose key signed the request. */
final class GetCallerIdentity implements Handler<GetCallerIdentityRequest, GetCallerIdentityResponse> {

    @Override
    public GetCallerIdentityResponse handle(RequestContext ctx, GetCallerIdentityRequest input) {
        return GetCallerIdentityResponse.builder()
                .account(ctx.principal().accountId())
                .arn(ctx.principal().arn())
                .userId(ctx.principal().userId())
                .build();
    }
}
