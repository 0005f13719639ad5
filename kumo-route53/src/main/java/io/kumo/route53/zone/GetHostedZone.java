package io.kumo.route53.zone;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.route53.model.GetHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.GetHostedZoneResponse;

/** A public zone comes with its delegation set, a private one with its VPCs. */
final class GetHostedZone implements Handler<GetHostedZoneRequest, GetHostedZoneResponse> {

    @Override
    public GetHostedZoneResponse handle(RequestContext ctx, GetHostedZoneRequest in) {
        HostedZoneRecord zone = ctx.read(tx -> Zones.require(tx, in.id()));
        GetHostedZoneResponse.Builder out = GetHostedZoneResponse.builder().hostedZone(zone.toSdk()).delegationSet(zone.delegationSet());
        if (zone.privateZone()) {
            out.vpCs(zone.sdkVpcs());
        }
        return out.build();
    }
}
