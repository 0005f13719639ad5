package io.kumo.route53.zone;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.route53.model.GetHostedZoneCountRequest;
import software.amazon.awssdk.services.route53.model.GetHostedZoneCountResponse;

final class GetHostedZoneCount implements Handler<GetHostedZoneCountRequest, GetHostedZoneCountResponse> {

    @Override
    public GetHostedZoneCountResponse handle(RequestContext ctx, GetHostedZoneCountRequest in) {
        long count = ctx.read(tx -> tx.list(HostedZoneRecord.TABLE).size());
        return GetHostedZoneCountResponse.builder().hostedZoneCount(count).build();
    }
}
