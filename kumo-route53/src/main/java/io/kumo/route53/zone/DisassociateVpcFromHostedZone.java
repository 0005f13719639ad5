package io.kumo.route53.zone;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.route53.support.ChangeRecord;
import io.kumo.route53.support.Route53Errors;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.DisassociateVpcFromHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.DisassociateVpcFromHostedZoneResponse;

import java.util.List;

/** Removes a VPC from a private zone, never the last one. */
final class DisassociateVpcFromHostedZone implements Handler<DisassociateVpcFromHostedZoneRequest, DisassociateVpcFromHostedZoneResponse> {

    @Override
    public DisassociateVpcFromHostedZoneResponse handle(RequestContext ctx, DisassociateVpcFromHostedZoneRequest in) {
        if (in.vpc() == null || in.vpc().vpcId() == null || in.vpc().vpcRegionAsString() == null) {
            throw Route53Errors.invalidInput("The input is not valid: a VPC needs both VPCId and VPCRegion");
        }
        HostedZoneRecord.ZoneVpc vpc = new HostedZoneRecord.ZoneVpc(in.vpc().vpcRegionAsString(), in.vpc().vpcId());
        ChangeInfo info = ctx.write(tx -> {
            HostedZoneRecord zone = Zones.require(tx, in.hostedZoneId());
            if (!zone.vpcs().contains(vpc)) {
                throw Route53Errors.of("VPCAssociationNotFound", "The specified VPC " + vpc.vpcId() + " (" + vpc.region()
                        + ") is not associated with hosted zone " + zone.id() + ".", 404);
            }
            if (zone.vpcs().size() == 1) {
                throw Route53Errors.of("LastVPCAssociation", "The VPC " + vpc.vpcId()
                        + " is the last VPC associated with the private hosted zone " + zone.id() + "; it cannot be disassociated.", 400);
            }
            List<HostedZoneRecord.ZoneVpc> now = zone.vpcs().stream().filter(v -> !v.equals(vpc)).toList();
            tx.put(HostedZoneRecord.TABLE, zone.id(), zone.withVpcs(now));
            return ChangeRecord.submit(tx, ctx.receivedAt(), in.comment());
        });
        return DisassociateVpcFromHostedZoneResponse.builder().changeInfo(info).build();
    }
}
