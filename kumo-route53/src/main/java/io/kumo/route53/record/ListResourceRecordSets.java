package io.kumo.route53.record;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.route53.record.rdata.RdataTypes;
import io.kumo.route53.support.DnsNames;
import io.kumo.route53.support.MaxItems;
import io.kumo.route53.support.Route53Errors;
import io.kumo.route53.zone.HostedZoneRecord;
import io.kumo.route53.zone.Zones;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;

import java.util.List;
import java.util.Map;

/**
 * Lists a zone's record sets in AWS's order, from StartRecordName/Type/Identifier on: the first
 * set whose name sorts at or after the name, and (with a type) whose type sorts at or after it.
 */
final class ListResourceRecordSets implements Handler<ListResourceRecordSetsRequest, ListResourceRecordSetsResponse> {
    static final int MAX = 300;

    @Override
    public ListResourceRecordSetsResponse handle(RequestContext ctx, ListResourceRecordSetsRequest in) {
        int max = MaxItems.parse(in.maxItems(), MAX);
        RecordSet.Key start = start(in);
        Map.Entry<HostedZoneRecord, List<RecordSet>> zone = ctx.read(tx -> {
            HostedZoneRecord z = Zones.require(tx, in.hostedZoneId());
            return Map.entry(z, ZoneRecordSets.of(tx, z.id(), z.name()));
        });
        List<RecordSet> from = start == null ? zone.getValue()
                : zone.getValue().stream().filter(s -> RecordOrder.KEYS.compare(s.key(), start) >= 0).toList();
        boolean truncated = from.size() > max;
        ListResourceRecordSetsResponse.Builder out = ListResourceRecordSetsResponse.builder()
                .resourceRecordSets(from.subList(0, Math.min(max, from.size())).stream().map(RecordSet::toSdk).toList())
                .isTruncated(truncated).maxItems(String.valueOf(max));
        if (truncated) {
            RecordSet next = from.get(max);
            out.nextRecordName(DnsNames.escaped(next.name())).nextRecordType(next.type()).nextRecordIdentifier(next.setIdentifier());
        }
        return out.build();
    }

    /** Null to start at the beginning; a key that sorts before every set of that name (and type) otherwise. */
    private static RecordSet.Key start(ListResourceRecordSetsRequest in) {
        String name = in.startRecordName();
        String type = in.startRecordTypeAsString();
        if (name == null) {
            if (type != null) {
                throw Route53Errors.invalidInput("The input is not valid: StartRecordType requires StartRecordName");
            }
            if (in.startRecordIdentifier() != null) {
                throw Route53Errors.invalidInput("The input is not valid: StartRecordIdentifier requires StartRecordName and StartRecordType");
            }
            return null;
        }
        String canonical;
        try {
            canonical = DnsNames.parse(name);
        } catch (IllegalArgumentException e) {
            throw Route53Errors.invalidInput("The input is not valid: '" + name + "' is not a valid StartRecordName");
        }
        if (type != null && RdataTypes.of(type).isEmpty()) {
            throw Route53Errors.invalidInput("The input is not valid: '" + type + "' is not a valid StartRecordType");
        }
        if (in.startRecordIdentifier() != null && type == null) {
            throw Route53Errors.invalidInput("The input is not valid: StartRecordIdentifier requires StartRecordType");
        }
        return new RecordSet.Key(canonical, type == null ? "" : type, in.startRecordIdentifier());
    }
}
