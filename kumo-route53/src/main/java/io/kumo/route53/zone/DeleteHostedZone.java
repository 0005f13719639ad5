package io.kumo.route53.zone;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.route53.record.ApexRecords;
import io.kumo.route53.record.ZoneRecordSets;
import io.kumo.route53.support.ChangeRecord;
import io.kumo.route53.support.Route53Errors;
import io.kumo.route53.tag.TagSet;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.DeleteHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.DeleteHostedZoneResponse;

/** Deletes a zone that holds nothing but its apex SOA and NS records, with its records and tags. */
final class DeleteHostedZone implements Handler<DeleteHostedZoneRequest, DeleteHostedZoneResponse> {

    @Override
    public DeleteHostedZoneResponse handle(RequestContext ctx, DeleteHostedZoneRequest in) {
        ChangeInfo info = ctx.write(tx -> {
            HostedZoneRecord zone = Zones.require(tx, in.id());
            if (!ApexRecords.onlyApex(ZoneRecordSets.of(tx, zone.id(), zone.name()), zone.name())) {
                throw Route53Errors.of("HostedZoneNotEmpty",
                        "The specified hosted zone contains non-required resource record sets and so cannot be deleted.", 400);
            }
            tx.delete(HostedZoneRecord.TABLE, zone.id());
            tx.delete(ZoneRecordSets.TABLE, zone.id());
            tx.delete(TagSet.TABLE, TagSet.key("hostedzone", zone.id()));
            return ChangeRecord.submit(tx, ctx.receivedAt(), null);
        });
        return DeleteHostedZoneResponse.builder().changeInfo(info).build();
    }
}
