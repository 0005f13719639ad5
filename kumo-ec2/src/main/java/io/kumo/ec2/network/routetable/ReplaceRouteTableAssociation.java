package io.kumo.ec2.network.routetable;

import io.kumo.core.Ids;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.routetable.RouteTableRecord.Association;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteTableAssociationRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteTableAssociationResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves an association (a subnet's, or the VPC's main one) to another table of the same VPC,
 * under a new association id. Moving the main association makes the other table the main one.
 */
public final class ReplaceRouteTableAssociation implements Handler<ReplaceRouteTableAssociationRequest, ReplaceRouteTableAssociationResponse> {

    @Override
    public ReplaceRouteTableAssociationResponse handle(RequestContext ctx, ReplaceRouteTableAssociationRequest in) {
        return ctx.write(tx -> {
            RouteTableAssociations.Found found = RouteTableAssociations.require(tx, in.associationId());
            RouteTableRecord target = Lookups.require(tx, NetworkKinds.ROUTE_TABLE, in.routeTableId());
            RouteTableRecord source = found.table();
            if (!target.vpcId().equals(source.vpcId())) {
                throw Ec2Errors.invalidParameterValue("Route table " + target.routeTableId() + " and association "
                        + in.associationId() + " belong to different networks");
            }
            String newId = Ids.ec2("rtbassoc");
            Association moved = new Association(newId, found.association().subnetId(), found.association().main());
            source = source.withAssociations(source.associations().stream()
                    .filter(a -> !a.associationId().equals(in.associationId())).toList());
            tx.put(RouteTableRecord.TABLE, source.routeTableId(), source);
            RouteTableRecord fresh = source.routeTableId().equals(target.routeTableId()) ? source : target;
            List<Association> associations = new ArrayList<>(fresh.associations());
            associations.add(moved);
            tx.put(RouteTableRecord.TABLE, fresh.routeTableId(), fresh.withAssociations(associations));
            return ReplaceRouteTableAssociationResponse.builder()
                    .newAssociationId(newId)
                    .associationState(RouteTableViews.associated())
                    .build();
        });
    }
}
