package io.kumo.ec2.network.routetable;

import io.kumo.core.Ids;
import io.kumo.core.store.Tx;
import io.kumo.ec2.network.routetable.RouteTableRecord.Association;
import io.kumo.ec2.network.routetable.RouteTableRecord.Route;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Route tables as other parts of the network area need them: the main table, local routes, lookups. */
public final class RouteTables {
    private RouteTables() {
    }

    public static Route localRoute(String cidr, boolean ipv6) {
        return new Route(ipv6 ? null : cidr, ipv6 ? cidr : null, null, "local", null, null, null, null, null, null,
                RouteTableRecord.ORIGIN_CREATE_ROUTE_TABLE);
    }

    public static Route gatewayRoute(String cidr, String gatewayId, String origin) {
        return new Route(cidr, null, null, gatewayId, null, null, null, null, null, null, origin);
    }

    /** A table for a VPC, with a local route for each of the VPC's blocks. */
    public static RouteTableRecord create(Tx tx, String vpcId, String ownerId, List<String> ipv4Blocks, List<String> ipv6Blocks,
                                          boolean main, Instant now) {
        List<Route> routes = new ArrayList<>();
        ipv4Blocks.forEach(b -> routes.add(localRoute(b, false)));
        ipv6Blocks.forEach(b -> routes.add(localRoute(b, true)));
        List<Association> associations = main ? List.of(new Association(Ids.ec2("rtbassoc"), null, true)) : List.of();
        RouteTableRecord table = new RouteTableRecord(Ids.ec2("rtb"), vpcId, ownerId, routes, associations, now);
        tx.put(RouteTableRecord.TABLE, table.routeTableId(), table);
        return table;
    }

    public static List<RouteTableRecord> ofVpc(Tx tx, String vpcId) {
        return tx.list(RouteTableRecord.TABLE).stream().filter(t -> t.vpcId().equals(vpcId)).toList();
    }

    public static Optional<RouteTableRecord> mainOf(Tx tx, String vpcId) {
        return ofVpc(tx, vpcId).stream().filter(RouteTableRecord::main).findFirst();
    }

    /** The table a subnet explicitly associates with, if any. */
    public static Optional<RouteTableRecord> explicitFor(Tx tx, String subnetId) {
        return tx.list(RouteTableRecord.TABLE).stream()
                .filter(t -> t.associations().stream().anyMatch(a -> subnetId.equals(a.subnetId())))
                .findFirst();
    }

    /** The table whose routes a subnet's traffic follows: its explicit one, else its VPC's main table. */
    public static Optional<RouteTableRecord> effectiveFor(Tx tx, String subnetId, String vpcId) {
        return explicitFor(tx, subnetId).or(() -> mainOf(tx, vpcId));
    }

    /** Adds a local route to every table of the VPC when it gains a block; removes it when it loses one. */
    public static void addLocalRoutes(Tx tx, String vpcId, String cidr, boolean ipv6) {
        for (RouteTableRecord table : ofVpc(tx, vpcId)) {
            if (table.route(cidr).isEmpty()) {
                List<Route> routes = new ArrayList<>(table.routes());
                routes.add(localRoute(cidr, ipv6));
                tx.put(RouteTableRecord.TABLE, table.routeTableId(), table.withRoutes(routes));
            }
        }
    }

    public static void removeLocalRoutes(Tx tx, String vpcId, String cidr) {
        for (RouteTableRecord table : ofVpc(tx, vpcId)) {
            List<Route> routes = table.routes().stream().filter(r -> !(r.local() && cidr.equals(r.destination()))).toList();
            if (routes.size() != table.routes().size()) {
                tx.put(RouteTableRecord.TABLE, table.routeTableId(), table.withRoutes(routes));
            }
        }
    }

    /** When a subnet goes away its explicit association goes with it. */
    public static void forgetSubnet(Tx tx, String subnetId) {
        explicitFor(tx, subnetId).ifPresent(t -> tx.put(RouteTableRecord.TABLE, t.routeTableId(), t.withAssociations(
                t.associations().stream().filter(a -> !subnetId.equals(a.subnetId())).toList())));
    }
}
