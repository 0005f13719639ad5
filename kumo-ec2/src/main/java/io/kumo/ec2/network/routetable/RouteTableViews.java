package io.kumo.ec2.network.routetable;

import io.kumo.core.store.Tx;
import io.kumo.ec2.network.routetable.RouteTableRecord.Association;
import io.kumo.ec2.network.routetable.RouteTableRecord.Route;
import io.kumo.ec2.support.Filters;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociationState;

import java.util.List;
import java.util.Objects;

/** Route tables as DescribeRouteTables shows them, and the filters it takes. */
public final class RouteTableViews {
    public static final String ASSOCIATED = "associated";

    private final RouteTargets targets;

    public RouteTableViews(RouteTargets targets) {
        this.targets = targets;
    }

    public RouteTable toSdk(Tx tx, RouteTableRecord t) {
        return RouteTable.builder()
                .routeTableId(t.routeTableId())
                .vpcId(t.vpcId())
                .ownerId(t.ownerId())
                .routes(t.routes().stream().map(r -> toSdk(tx, t, r)).toList())
                .associations(t.associations().stream().map(a -> toSdk(t, a)).toList())
                .propagatingVgws(List.of())
                .tags(Tags.sdkTags(tx, t.routeTableId()))
                .build();
    }

    private software.amazon.awssdk.services.ec2.model.Route toSdk(Tx tx, RouteTableRecord t, Route r) {
        return software.amazon.awssdk.services.ec2.model.Route.builder()
                .destinationCidrBlock(r.destinationCidrBlock())
                .destinationIpv6CidrBlock(r.destinationIpv6CidrBlock())
                .destinationPrefixListId(r.destinationPrefixListId())
                .gatewayId(r.gatewayId())
                .natGatewayId(r.natGatewayId())
                .instanceId(r.instanceId())
                .instanceOwnerId(r.instanceId() != null ? t.ownerId() : null)
                .networkInterfaceId(r.networkInterfaceId())
                .vpcPeeringConnectionId(r.vpcPeeringConnectionId())
                .transitGatewayId(r.transitGatewayId())
                .egressOnlyInternetGatewayId(r.egressOnlyInternetGatewayId())
                .origin(r.origin())
                .state(targets.state(tx, t, r))
                .build();
    }

    public static RouteTableAssociation toSdk(RouteTableRecord t, Association a) {
        return RouteTableAssociation.builder()
                .main(a.main())
                .routeTableAssociationId(a.associationId())
                .routeTableId(t.routeTableId())
                .subnetId(a.subnetId())
                .associationState(associated())
                .build();
    }

    public static RouteTableAssociationState associated() {
        return RouteTableAssociationState.builder().state(ASSOCIATED).build();
    }

    public Filters<RouteTableRecord> filters(Tx tx) {
        return Filters.<RouteTableRecord>forType(t -> Tags.of(tx, t.routeTableId()))
                .many("association.route-table-association-id", t -> t.associations().stream().map(Association::associationId).toList())
                .many("association.route-table-id", t -> t.associations().isEmpty() ? List.of() : List.of(t.routeTableId()))
                .many("association.subnet-id", t -> t.associations().stream().map(Association::subnetId).filter(Objects::nonNull).toList())
                .many("association.main", t -> t.associations().stream().map(Association::main).toList())
                .many("association.gateway-id", t -> List.of())
                .one("owner-id", RouteTableRecord::ownerId)
                .one("route-table-id", RouteTableRecord::routeTableId)
                .many("route.destination-cidr-block", t -> routes(t, Route::destinationCidrBlock))
                .many("route.destination-ipv6-cidr-block", t -> routes(t, Route::destinationIpv6CidrBlock))
                .many("route.destination-prefix-list-id", t -> routes(t, Route::destinationPrefixListId))
                .many("route.gateway-id", t -> routes(t, Route::gatewayId))
                .many("route.nat-gateway-id", t -> routes(t, Route::natGatewayId))
                .many("route.instance-id", t -> routes(t, Route::instanceId))
                .many("route.network-interface-id", t -> routes(t, Route::networkInterfaceId))
                .many("route.vpc-peering-connection-id", t -> routes(t, Route::vpcPeeringConnectionId))
                .many("route.transit-gateway-id", t -> routes(t, Route::transitGatewayId))
                .many("route.egress-only-internet-gateway-id", t -> routes(t, Route::egressOnlyInternetGatewayId))
                .many("route.origin", t -> routes(t, Route::origin))
                .many("route.state", t -> t.routes().stream().map(r -> targets.state(tx, t, r)).toList())
                .one("vpc-id", RouteTableRecord::vpcId);
    }

    private static List<Object> routes(RouteTableRecord t, java.util.function.Function<Route, String> field) {
        return t.routes().stream().map(field).filter(Objects::nonNull).map(v -> (Object) v).toList();
    }
}
