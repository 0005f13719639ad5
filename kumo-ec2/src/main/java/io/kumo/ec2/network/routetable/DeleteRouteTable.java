package io.kumo.ec2.network.routetable;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.DeleteRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DeleteRouteTableResponse;

/** The main table and tables with associated subnets stay. */
public final class DeleteRouteTable implements Handler<DeleteRouteTableRequest, DeleteRouteTableResponse> {

    @Override
    public DeleteRouteTableResponse handle(RequestContext ctx, DeleteRouteTableRequest in) {
        return ctx.write(tx -> {
            RouteTableRecord table = Lookups.require(tx, NetworkKinds.ROUTE_TABLE, in.routeTableId());
            if (!table.associations().isEmpty()) {
                throw Ec2Errors.dependencyViolation("The routeTable '" + table.routeTableId() + "' has dependencies and cannot be deleted.");
            }
            tx.delete(RouteTableRecord.TABLE, table.routeTableId());
            Tags.deleteAll(tx, table.routeTableId());
            return DeleteRouteTableResponse.builder().build();
        });
    }
}
