package io.kumo.route53.zone;

import io.kumo.core.Ids;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.route53.record.ApexRecords;
import io.kumo.route53.record.ZoneRecordSets;
import io.kumo.route53.support.ChangeRecord;
import io.kumo.route53.support.Route53Errors;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.CreateHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.CreateHostedZoneResponse;

import java.util.List;
import java.util.Map;

/**
 * Creates a public zone (delegated to Kumo's name servers) or, with a VPC, a private one; either
 * starts with its apex SOA and NS records. A CallerReference is used once per account.
 */
final class CreateHostedZone implements Handler<CreateHostedZoneRequest, CreateHostedZoneResponse> {
    static final int MAX_COMMENT = 256;
    private final VpcLookup vpcs;

    CreateHostedZone(VpcLookup vpcs) {
        this.vpcs = vpcs;
    }

    @Override
    public CreateHostedZoneResponse handle(RequestContext ctx, CreateHostedZoneRequest in) {
        String name = Zones.zoneName(in.name());
        String comment = in.hostedZoneConfig() == null ? null : in.hostedZoneConfig().comment();
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw Route53Errors.invalidInput("1 validation error detected: Value at 'hostedZoneConfig.comment' failed to satisfy "
                    + "constraint: Member must have length less than or equal to " + MAX_COMMENT);
        }
        if (in.delegationSetId() != null) {
            throw Route53Errors.of("NoSuchDelegationSet", "A reusable delegation set with the specified ID does not exist: "
                    + in.delegationSetId() + " (Kumo has no reusable delegation sets)", 400);
        }
        boolean wantsPrivate = in.vpc() != null || in.hostedZoneConfig() != null && Boolean.TRUE.equals(in.hostedZoneConfig().privateZone());
        Map.Entry<HostedZoneRecord, ChangeInfo> created = ctx.write(tx -> {
            if (tx.list(HostedZoneRecord.TABLE).stream().anyMatch(z -> z.callerReference().equals(in.callerReference()))) {
                throw Route53Errors.of("HostedZoneAlreadyExists",
                        "A hosted zone has already been created with the specified caller reference.", 409);
            }
            List<HostedZoneRecord.ZoneVpc> associated = List.of();
            if (wantsPrivate) {
                HostedZoneRecord.ZoneVpc vpc = vpcs.require(tx, ctx.accountId(), in.vpc());
                if (tx.list(HostedZoneRecord.TABLE).stream().anyMatch(z -> z.name().equals(name) && z.vpcs().contains(vpc))) {
                    throw Route53Errors.of("ConflictingDomainExists", "The VPC " + vpc.vpcId()
                            + " is already associated with a hosted zone named " + name, 400);
                }
                associated = List.of(vpc);
            }
            HostedZoneRecord zone = new HostedZoneRecord("Z" + Ids.upperAlnum(20), name, in.callerReference(), comment,
                    wantsPrivate, ApexRecords.NAME_SERVERS, 2, ctx.receivedAt(), associated);
            tx.put(HostedZoneRecord.TABLE, zone.id(), zone);
            ZoneRecordSets.save(tx, zone.id(), ApexRecords.initial(name));
            return Map.entry(zone, ChangeRecord.submit(tx, ctx.receivedAt(), null));
        });
        HostedZoneRecord zone = created.getKey();
        CreateHostedZoneResponse.Builder out = CreateHostedZoneResponse.builder()
                .hostedZone(zone.toSdk())
                .delegationSet(zone.delegationSet())
                .changeInfo(created.getValue())
                .location("https://route53.amazonaws.com/2013-04-01/hostedzone/" + zone.id());
        if (zone.privateZone()) {
            out.vpc(zone.vpcs().getFirst().toSdk());
        }
        return out.build();
    }
}
