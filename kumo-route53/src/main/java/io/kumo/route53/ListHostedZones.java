package io.kumo.route53;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.route53.model.ListHostedZonesRequest;
import software.amazon.awssdk.services.route53.model.ListHostedZonesResponse;

import java.util.List;

/** Lists zones in id order, MaxItems at a time (default and maximum 100), with Marker paging. */
final class ListHostedZones implements Handler<ListHostedZonesRequest, ListHostedZonesResponse> {

    @Override
    public ListHostedZonesResponse handle(RequestContext ctx, ListHostedZonesRequest in) {
        int max = parseMaxItems(in.maxItems());
        List<HostedZoneRecord> all = ctx.read(tx -> tx.list(HostedZoneRecord.TABLE));
        String marker = in.marker() == null ? null : Zones.bareId(in.marker());
        List<HostedZoneRecord> from = marker == null ? all
                : all.stream().filter(z -> z.id().compareTo(marker) >= 0).toList();
        List<HostedZoneRecord> page = from.subList(0, Math.min(max, from.size()));
        boolean truncated = from.size() > max;
        ListHostedZonesResponse.Builder out = ListHostedZonesResponse.builder()
                .hostedZones(page.stream().map(HostedZoneRecord::toSdk).toList())
                .maxItems(String.valueOf(max))
                .isTruncated(truncated);
        if (in.marker() != null) {
            out.marker(in.marker());
        }
        if (truncated) {
            out.nextMarker(from.get(max).id());
        }
        return out.build();
    }

    private static int parseMaxItems(String text) {
        if (text == null) {
            return 100;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return Math.min(n, 100);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw AwsException.badRequest("InvalidInput", "1 validation error detected: Value '" + text
                + "' at 'maxItems' failed to satisfy constraint: Member must be a positive number");
    }
}
