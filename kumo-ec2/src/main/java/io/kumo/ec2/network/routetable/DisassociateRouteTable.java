package io.kumo.ec2.network.routetable;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.DisassociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateRouteTableResponse;

/** The subnet falls back to its VPC's main table. The main association itself cannot be removed. */
public final class DisassociateRouteTable implements Handler<DisassociateRouteTableRequest, DisassociateRouteTableResponse> {

    @Override
    public DisassociateRouteTableResponse handle(RequestContext ctx, DisassociateRouteTableRequest in) {
        return ctx.write(tx -> {
            RouteTableAssociations.Found found = RouteTableAssociations.require(tx, in.associationId());
            if (found.association().main()) {
                throw Ec2Errors.invalidParameterValue("cannot disassociate the main route table association " + in.associationId());
            }
            RouteTableRecord t = found.table();
            tx.put(RouteTableRecord.TABLE, t.routeTableId(), t.withAssociations(
                    t.associations().stream().filter(a -> !a.associationId().equals(in.associationId())).toList()));
            return DisassociateRouteTableResponse.builder().build();
        });
    }
}
