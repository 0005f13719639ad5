package io.kumo.ec2.network.routetable;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.routetable.RouteTableRecord.Route;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteResponse;

/** Points an existing route at another target (LocalTarget restores a VPC block's local route). */
public final class ReplaceRoute implements Handler<ReplaceRouteRequest, ReplaceRouteResponse> {
    private final RouteTargets targets;

    public ReplaceRoute(RouteTargets targets) {
        this.targets = targets;
    }

    @Override
    public ReplaceRouteResponse handle(RequestContext ctx, ReplaceRouteRequest in) {
        String other = RouteTargets.Request.other(in.vpcEndpointId(), in.localGatewayId(), in.carrierGatewayId(), in.coreNetworkArn(),
                in.odbNetworkArn());
        var request = new RouteTargets.Request(in.destinationCidrBlock(), in.destinationIpv6CidrBlock(), in.destinationPrefixListId(),
                in.gatewayId(), in.natGatewayId(), in.instanceId(), in.networkInterfaceId(), in.vpcPeeringConnectionId(),
                in.transitGatewayId(), in.egressOnlyInternetGatewayId(), other, Boolean.TRUE.equals(in.localTarget()));
        return ctx.write(tx -> {
            RouteTableRecord table = Lookups.require(tx, NetworkKinds.ROUTE_TABLE, in.routeTableId());
            String destination = RouteTargets.destination(tx, request);
            Route existing = table.route(destination).orElseThrow(() -> Ec2Errors.invalidParameterValue(
                    "There is no route defined for '" + destination + "' in the route table. Use CreateRoute instead."));
            Route route = targets.route(tx, table, request, destination, existing.origin());
            tx.put(RouteTableRecord.TABLE, table.routeTableId(), table.withRoutes(RouteTargets.withRoute(table.routes(), route)));
            return ReplaceRouteResponse.builder().build();
        });
    }
}
