package io.kumo.ec2.network.routetable;

import io.kumo.core.AwsException;
import io.kumo.core.Ids;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.routetable.RouteTableRecord.Association;
import io.kumo.ec2.network.subnet.SubnetRecord;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableResponse;

import java.util.ArrayList;
import java.util.List;

/** An explicit association of a subnet of the table's VPC; a subnet has at most one. */
public final class AssociateRouteTable implements Handler<AssociateRouteTableRequest, AssociateRouteTableResponse> {

    @Override
    public AssociateRouteTableResponse handle(RequestContext ctx, AssociateRouteTableRequest in) {
        if (in.gatewayId() != null) {
            throw Ec2Errors.invalidParameterValue("Gateway route table associations are not available in Kumo.");
        }
        if (in.subnetId() == null) {
            throw Ec2Errors.missingParameter("subnetId");
        }
        return ctx.write(tx -> {
            RouteTableRecord table = Lookups.require(tx, NetworkKinds.ROUTE_TABLE, in.routeTableId());
            SubnetRecord subnet = Lookups.require(tx, NetworkKinds.SUBNET, in.subnetId());
            if (!subnet.vpcId().equals(table.vpcId())) {
                throw Ec2Errors.invalidParameterValue("Route table " + table.routeTableId() + " and subnet " + subnet.subnetId()
                        + " belong to different networks");
            }
            if (RouteTables.explicitFor(tx, subnet.subnetId()).isPresent()) {
                throw AwsException.badRequest("Resource.AlreadyAssociated", "the specified association for route table "
                        + table.routeTableId() + " conflicts with an existing association");
            }
            String id = Ids.ec2("rtbassoc");
            List<Association> associations = new ArrayList<>(table.associations());
            associations.add(new Association(id, subnet.subnetId(), false));
            tx.put(RouteTableRecord.TABLE, table.routeTableId(), table.withAssociations(associations));
            return AssociateRouteTableResponse.builder().associationId(id).associationState(RouteTableViews.associated()).build();
        });
    }
}
