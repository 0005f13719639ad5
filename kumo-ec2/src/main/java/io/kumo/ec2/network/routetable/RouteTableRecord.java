package io.kumo.ec2.network.routetable;

import io.kumo.core.store.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A route table with its routes and associations. A route's state (active or blackhole) is not
 * stored: it is worked out from its target whenever the table is described.
 */
public record RouteTableRecord(
        String routeTableId,
        String vpcId,
        String ownerId,
        List<Route> routes,
        List<Association> associations,
        Instant createdAt) {

    public static final Table<RouteTableRecord> TABLE = Table.regional("ec2.route-tables", RouteTableRecord.class);

    public static final String ORIGIN_CREATE_ROUTE_TABLE = "CreateRouteTable";
    public static final String ORIGIN_CREATE_ROUTE = "CreateRoute";

    public RouteTableRecord {
        routes = List.copyOf(routes);
        associations = List.copyOf(associations);
    }

    /**
     * One route: one destination (IPv4 block, IPv6 block or prefix list) and one target.
     * {@code gatewayId} is "local" for the VPC's own blocks.
     */
    public record Route(
            String destinationCidrBlock,
            String destinationIpv6CidrBlock,
            String destinationPrefixListId,
            String gatewayId,
            String natGatewayId,
            String instanceId,
            String networkInterfaceId,
            String vpcPeeringConnectionId,
            String transitGatewayId,
            String egressOnlyInternetGatewayId,
            String origin) {

        public String destination() {
            if (destinationCidrBlock != null) {
                return destinationCidrBlock;
            }
            return destinationIpv6CidrBlock != null ? destinationIpv6CidrBlock : destinationPrefixListId;
        }

        public boolean local() {
            return "local".equals(gatewayId);
        }
    }

    /** An association with a subnet, or the main association ({@code main}, no subnet). */
    public record Association(String associationId, String subnetId, boolean main) {
    }

    public boolean main() {
        return associations.stream().anyMatch(Association::main);
    }

    public Optional<Route> route(String destination) {
        return routes.stream().filter(r -> destination.equals(r.destination())).findFirst();
    }

    public RouteTableRecord withRoutes(List<Route> newRoutes) {
        return new RouteTableRecord(routeTableId, vpcId, ownerId, newRoutes, associations, createdAt);
    }

    public RouteTableRecord withAssociations(List<Association> newAssociations) {
        return new RouteTableRecord(routeTableId, vpcId, ownerId, routes, newAssociations, createdAt);
    }
}
