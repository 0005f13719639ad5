package io.kumo.ec2.network.routetable;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.routetable.RouteTableRecord.Route;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.CreateRouteRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteResponse;

import java.util.ArrayList;
import java.util.List;

/** One destination, one target; a destination already routed is RouteAlreadyExists. */
public final class CreateRoute implements Handler<CreateRouteRequest, CreateRouteResponse> {
    private final RouteTargets targets;

    public CreateRoute(RouteTargets targets) {
        this.targets = targets;
    }

    @Override
    public CreateRouteResponse handle(RequestContext ctx, CreateRouteRequest in) {
        String other = RouteTargets.Request.other(in.vpcEndpointId(), in.localGatewayId(), in.carrierGatewayId(), in.coreNetworkArn(),
                in.odbNetworkArn());
        var request = new RouteTargets.Request(in.destinationCidrBlock(), in.destinationIpv6CidrBlock(), in.destinationPrefixListId(),
                in.gatewayId(), in.natGatewayId(), in.instanceId(), in.networkInterfaceId(), in.vpcPeeringConnectionId(),
                in.transitGatewayId(), in.egressOnlyInternetGatewayId(), other, false);
        return ctx.write(tx -> {
            RouteTableRecord table = Lookups.require(tx, NetworkKinds.ROUTE_TABLE, in.routeTableId());
            String destination = RouteTargets.destination(tx, request);
            if ("local".equals(in.gatewayId())) {
                throw Ec2Errors.invalidParameterValue("Cannot create a route with a local target; local routes come with the VPC's blocks.");
            }
            if (table.route(destination).isPresent()) {
                throw AwsException.badRequest("RouteAlreadyExists", "The route identified by " + destination + " already exists.");
            }
            Route route = targets.route(tx, table, request, destination, RouteTableRecord.ORIGIN_CREATE_ROUTE);
            List<Route> routes = new ArrayList<>(table.routes());
            routes.add(route);
            tx.put(RouteTableRecord.TABLE, table.routeTableId(), table.withRoutes(routes));
            return CreateRouteResponse.builder().returnValue(true).build();
        });
    }
}
