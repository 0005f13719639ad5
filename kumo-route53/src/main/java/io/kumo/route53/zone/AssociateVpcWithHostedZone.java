package io.kumo.route53.zone;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.route53.support.ChangeRecord;
import io.kumo.route53.support.Route53Errors;
import software.amazon.awssdk.services.route53.model.AssociateVpcWithHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.AssociateVpcWithHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.ChangeInfo;

import java.util.ArrayList;
import java.util.List;

/** Adds a VPC to a private zone; a VPC sees at most one private zone of a name. */
final class AssociateVpcWithHostedZone implements Handler<AssociateVpcWithHostedZoneRequest, AssociateVpcWithHostedZoneResponse> {
    private final VpcLookup vpcs;

    AssociateVpcWithHostedZone(VpcLookup vpcs) {
        this.vpcs = vpcs;
    }

    @Override
    public AssociateVpcWithHostedZoneResponse handle(RequestContext ctx, AssociateVpcWithHostedZoneRequest in) {
        ChangeInfo info = ctx.write(tx -> {
            HostedZoneRecord zone = Zones.require(tx, in.hostedZoneId());
            if (!zone.privateZone()) {
                throw Route53Errors.of("PublicZoneVPCAssociation",
                        "You cannot associate a VPC with a public hosted zone: " + zone.id() + " is public.", 400);
            }
            HostedZoneRecord.ZoneVpc vpc = vpcs.require(tx, ctx.accountId(), in.vpc());
            boolean taken = tx.list(HostedZoneRecord.TABLE).stream().anyMatch(z -> z.name().equals(zone.name()) && z.vpcs().contains(vpc));
            if (taken) {
                throw Route53Errors.of("ConflictingDomainExists", "The VPC " + vpc.vpcId()
                        + " is already associated with a hosted zone named " + zone.name(), 400);
            }
            List<HostedZoneRecord.ZoneVpc> now = new ArrayList<>(zone.vpcs());
            now.add(vpc);
            tx.put(HostedZoneRecord.TABLE, zone.id(), zone.withVpcs(now));
            return ChangeRecord.submit(tx, ctx.receivedAt(), in.comment());
        });
        return AssociateVpcWithHostedZoneResponse.builder().changeInfo(info).build();
    }
}
