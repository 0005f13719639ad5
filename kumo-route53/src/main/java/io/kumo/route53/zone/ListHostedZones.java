package io.kumo.route53.zone;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.route53.support.MaxItems;
import io.kumo.route53.support.Route53Errors;
import software.amazon.awssdk.services.route53.model.ListHostedZonesRequest;
import software.amazon.awssdk.services.route53.model.ListHostedZonesResponse;

import java.util.List;

/** Lists zones in id order, MaxItems at a time (default and maximum 100), with Marker paging and a type filter. */
final class ListHostedZones implements Handler<ListHostedZonesRequest, ListHostedZonesResponse> {

    @Override
    public ListHostedZonesResponse handle(RequestContext ctx, ListHostedZonesRequest in) {
        int max = MaxItems.parse(in.maxItems(), 100);
        if (in.delegationSetId() != null) {
            throw Route53Errors.of("NoSuchDelegationSet", "A reusable delegation set with the specified ID does not exist: "
                    + in.delegationSetId(), 400);
        }
        String type = in.hostedZoneTypeAsString();
        if (type != null && !type.equals("PrivateHostedZone")) {
            throw Route53Errors.invalidInput("1 validation error detected: Value '" + type
                    + "' at 'hostedZoneType' failed to satisfy constraint: Member must satisfy enum value set: [PrivateHostedZone]");
        }
        List<HostedZoneRecord> all = ctx.read(tx -> tx.list(HostedZoneRecord.TABLE)).stream()
                .filter(z -> type == null || z.privateZone()).toList();
        String marker = in.marker() == null ? null : Zones.bareId(in.marker());
        List<HostedZoneRecord> from = marker == null ? all : all.stream().filter(z -> z.id().compareTo(marker) >= 0).toList();
        boolean truncated = from.size() > max;
        ListHostedZonesResponse.Builder out = ListHostedZonesResponse.builder()
                .hostedZones(from.subList(0, Math.min(max, from.size())).stream().map(HostedZoneRecord::toSdk).toList())
                .maxItems(String.valueOf(max))
                .isTruncated(truncated)
                .marker(in.marker());
        if (truncated) {
            out.nextMarker(from.get(max).id());
        }
        return out.build();
    }
}
