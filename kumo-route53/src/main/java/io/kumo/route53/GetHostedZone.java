package io.kumo.route53;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.route53.model.GetHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.GetHostedZoneResponse;

final class GetHostedZone implements Handler<GetHostedZoneRequest, GetHostedZoneResponse> {

    @Override
    public GetHostedZoneResponse handle(RequestContext ctx, GetHostedZoneRequest in) {
        HostedZoneRecord zone = ctx.read(tx -> Zones.require(tx, in.id()));
        return GetHostedZoneResponse.builder().hostedZone(zone.toSdk()).delegationSet(zone.delegationSet()).build();
    }
}
