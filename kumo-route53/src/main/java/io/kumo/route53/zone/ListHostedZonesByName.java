package io.kumo.route53.zone;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.route53.support.DnsNames;
import io.kumo.route53.support.MaxItems;
import io.kumo.route53.support.Route53Errors;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByNameRequest;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByNameResponse;

import java.util.Comparator;
import java.util.List;

/** Lists zones by name with labels reversed (com.example.), then id, from DNSName (and HostedZoneId) on. */
final class ListHostedZonesByName implements Handler<ListHostedZonesByNameRequest, ListHostedZonesByNameResponse> {
    static final Comparator<HostedZoneRecord> ORDER = Comparator.comparing((HostedZoneRecord z) -> DnsNames.sortKey(z.name()))
            .thenComparing(HostedZoneRecord::id);

    @Override
    public ListHostedZonesByNameResponse handle(RequestContext ctx, ListHostedZonesByNameRequest in) {
        int max = MaxItems.parse(in.maxItems(), 100);
        if (in.hostedZoneId() != null && in.dnsName() == null) {
            throw Route53Errors.invalidInput("The input is not valid: HostedZoneId requires DNSName");
        }
        String startName = in.dnsName() == null ? null : Zones.zoneName(in.dnsName());
        String startId = in.hostedZoneId() == null ? "" : Zones.bareId(in.hostedZoneId());
        List<HostedZoneRecord> sorted = ctx.read(tx -> tx.list(HostedZoneRecord.TABLE)).stream().sorted(ORDER).toList();
        List<HostedZoneRecord> from = startName == null ? sorted : sorted.stream().filter(z -> {
            int byName = DnsNames.sortKey(z.name()).compareTo(DnsNames.sortKey(startName));
            return byName > 0 || byName == 0 && z.id().compareTo(startId) >= 0;
        }).toList();
        boolean truncated = from.size() > max;
        ListHostedZonesByNameResponse.Builder out = ListHostedZonesByNameResponse.builder()
                .hostedZones(from.subList(0, Math.min(max, from.size())).stream().map(HostedZoneRecord::toSdk).toList())
                .isTruncated(truncated).maxItems(String.valueOf(max)).dnsName(in.dnsName()).hostedZoneId(in.hostedZoneId());
        if (truncated) {
            HostedZoneRecord next = from.get(max);
            out.nextDNSName(DnsNames.escaped(next.name())).nextHostedZoneId(next.id());
        }
        return out.build();
    }
}
