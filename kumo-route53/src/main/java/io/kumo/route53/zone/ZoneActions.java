package io.kumo.route53.zone;

import io.kumo.core.network.VpcDirectory;
import io.kumo.core.service.ServiceBinder;
import software.amazon.awssdk.services.route53.model.AssociateVpcWithHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.CreateHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.DeleteHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.DisassociateVpcFromHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.GetHostedZoneCountRequest;
import software.amazon.awssdk.services.route53.model.GetHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByNameRequest;
import software.amazon.awssdk.services.route53.model.ListHostedZonesRequest;
import software.amazon.awssdk.services.route53.model.UpdateHostedZoneCommentRequest;

/** Hosted zones, public and private, and their VPC associations. */
public final class ZoneActions {

    private ZoneActions() {
    }

    public static void register(ServiceBinder binder) {
        binder.table(HostedZoneRecord.TABLE);
        // looked up at use: the EC2 module that provides it may be installed after this one
        VpcLookup vpcs = new VpcLookup(() -> binder.kernel().contracts().find(VpcDirectory.class));
        binder.operation("CreateHostedZone", CreateHostedZoneRequest.class, new CreateHostedZone(vpcs));
        binder.operation("GetHostedZone", GetHostedZoneRequest.class, new GetHostedZone());
        binder.operation("ListHostedZones", ListHostedZonesRequest.class, new ListHostedZones());
        binder.operation("ListHostedZonesByName", ListHostedZonesByNameRequest.class, new ListHostedZonesByName());
        binder.operation("DeleteHostedZone", DeleteHostedZoneRequest.class, new DeleteHostedZone());
        binder.operation("UpdateHostedZoneComment", UpdateHostedZoneCommentRequest.class, new UpdateHostedZoneComment());
        binder.operation("GetHostedZoneCount", GetHostedZoneCountRequest.class, new GetHostedZoneCount());
        binder.operation("AssociateVPCWithHostedZone", AssociateVpcWithHostedZoneRequest.class, new AssociateVpcWithHostedZone(vpcs));
        binder.operation("DisassociateVPCFromHostedZone", DisassociateVpcFromHostedZoneRequest.class, new DisassociateVpcFromHostedZone());
    }
}
