package io.kumo.route53.record;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.route53.health.HealthCheckRecord;
import io.kumo.route53.support.ChangeRecord;
import io.kumo.route53.support.Route53Errors;
import io.kumo.route53.zone.HostedZoneRecord;
import io.kumo.route53.zone.Zones;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsResponse;

import java.util.List;

/** Applies a batch atomically: one write transaction validates every change and stores the zone's new record sets. */
final class ChangeResourceRecordSets implements Handler<ChangeResourceRecordSetsRequest, ChangeResourceRecordSetsResponse> {
    private final AliasTargets targets;

    ChangeResourceRecordSets(AliasTargets targets) {
        this.targets = targets;
    }

    @Override
    public ChangeResourceRecordSetsResponse handle(RequestContext ctx, ChangeResourceRecordSetsRequest in) {
        if (in.changeBatch() == null) {
            throw Route53Errors.invalidInput("Missing required parameter ChangeBatch");
        }
        List<ParsedChange> changes = ChangeParser.parse(in.changeBatch().changes());
        ChangeInfo info = ctx.write(tx -> {
            HostedZoneRecord zone = Zones.require(tx, in.hostedZoneId());
            for (ParsedChange change : changes) {
                String check = change.set().healthCheckId();
                if (check != null && !change.action().equals(ParsedChange.DELETE) && tx.get(HealthCheckRecord.TABLE, check).isEmpty()) {
                    throw Route53Errors.noSuchHealthCheck(check);
                }
            }
            List<RecordSet> after = new BatchApplier(zone.id(), zone.name(), targets).apply(ZoneRecordSets.of(tx, zone.id(), zone.name()), changes);
            ZoneRecordSets.save(tx, zone.id(), after);
            tx.put(HostedZoneRecord.TABLE, zone.id(), zone.withRecordSetCount(after.size()));
            return ChangeRecord.submit(tx, ctx.receivedAt(), in.changeBatch().comment());
        });
        return ChangeResourceRecordSetsResponse.builder().changeInfo(info).build();
    }
}
