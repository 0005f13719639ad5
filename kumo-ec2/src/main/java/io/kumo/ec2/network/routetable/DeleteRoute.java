package io.kumo.ec2.network.routetable;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Cidrs;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.routetable.RouteTableRecord.Route;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.DeleteRouteRequest;
import software.amazon.awssdk.services.ec2.model.DeleteRouteResponse;

public final class DeleteRoute implements Handler<DeleteRouteRequest, DeleteRouteResponse> {

    @Override
    public DeleteRouteResponse handle(RequestContext ctx, DeleteRouteRequest in) {
        return ctx.write(tx -> {
            RouteTableRecord table = Lookups.require(tx, NetworkKinds.ROUTE_TABLE, in.routeTableId());
            String kind;
            String destination;
            if (in.destinationCidrBlock() != null) {
                kind = "destination-cidr-block";
                destination = Cidrs.ipv4(in.destinationCidrBlock(), "destinationCidrBlock").toString();
            } else if (in.destinationIpv6CidrBlock() != null) {
                kind = "destination-ipv6-cidr-block";
                destination = Cidrs.ipv6(in.destinationIpv6CidrBlock(), "destinationIpv6CidrBlock").toString();
            } else if (in.destinationPrefixListId() != null) {
                kind = "destination-prefix-list-id";
                destination = in.destinationPrefixListId();
            } else {
                throw AwsException.badRequest("MissingParameter",
                        "The request must contain the parameter destinationCidrBlock or destinationIpv6CidrBlock or destinationPrefixListId");
            }
            Route route = table.route(destination).orElseThrow(() -> AwsException.badRequest("InvalidRoute.NotFound",
                    "no route with " + kind + " " + destination + " in route table " + table.routeTableId()));
            if (route.local()) {
                throw Ec2Errors.invalidParameterValue("cannot remove local route " + destination + " in route table " + table.routeTableId());
            }
            tx.put(RouteTableRecord.TABLE, table.routeTableId(),
                    table.withRoutes(table.routes().stream().filter(r -> !r.destination().equals(destination)).toList()));
            return DeleteRouteResponse.builder().build();
        });
    }
}
