package io.kumo.ec2.network.routetable;

import io.kumo.core.AwsException;
import io.kumo.core.store.Tx;
import io.kumo.ec2.network.Cidrs;
import io.kumo.ec2.network.ComputeView;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.igw.InternetGatewayRecord;
import io.kumo.ec2.network.natgw.NatGatewayRecord;
import io.kumo.ec2.network.prefixlist.PrefixListRecord;
import io.kumo.ec2.network.routetable.RouteTableRecord.Route;
import io.kumo.ec2.support.Ec2Errors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the destination and the single target of CreateRoute and ReplaceRoute, and works out
 * whether a stored route is active or a blackhole (its target detached, deleted or terminated).
 */
public final class RouteTargets {
    public static final String ACTIVE = "active";
    public static final String BLACKHOLE = "blackhole";

    private final ComputeView compute;

    public RouteTargets(ComputeView compute) {
        this.compute = compute;
    }

    /** The parameters of one route request, as CreateRoute and ReplaceRoute both carry them. */
    public record Request(String destinationCidrBlock, String destinationIpv6CidrBlock, String destinationPrefixListId,
                          String gatewayId, String natGatewayId, String instanceId, String networkInterfaceId,
                          String vpcPeeringConnectionId, String transitGatewayId, String egressOnlyInternetGatewayId,
                          String other, boolean localTarget) {

        /** The first target given of those Kumo does not model (endpoints, local and carrier gateways, core and ODB networks). */
        public static String other(String... unmodelledTargets) {
            for (String target : unmodelledTargets) {
                if (target != null) {
                    return target;
                }
            }
            return null;
        }
    }

    /** The normalised destination; exactly one must be given. */
    public static String destination(Tx tx, Request in) {
        int given = (in.destinationCidrBlock() != null ? 1 : 0) + (in.destinationIpv6CidrBlock() != null ? 1 : 0)
                + (in.destinationPrefixListId() != null ? 1 : 0);
        if (given == 0) {
            throw AwsException.badRequest("MissingParameter",
                    "The request must contain the parameter destinationCidrBlock or destinationIpv6CidrBlock or destinationPrefixListId");
        }
        if (given > 1) {
            throw Ec2Errors.invalidParameterCombination(
                    "Only one of destinationCidrBlock, destinationIpv6CidrBlock and destinationPrefixListId may be given.");
        }
        if (in.destinationCidrBlock() != null) {
            return Cidrs.ipv4(in.destinationCidrBlock(), "destinationCidrBlock").toString();
        }
        if (in.destinationIpv6CidrBlock() != null) {
            return Cidrs.ipv6(in.destinationIpv6CidrBlock(), "destinationIpv6CidrBlock").toString();
        }
        Lookups.<PrefixListRecord>require(tx, NetworkKinds.PREFIX_LIST, in.destinationPrefixListId());
        return in.destinationPrefixListId();
    }

    /** Builds the route for {@code table}, checking that its one target exists and belongs to the table's VPC. */
    public Route route(Tx tx, RouteTableRecord table, Request in, String destination, String origin) {
        Map<String, String> targets = new LinkedHashMap<>();
        put(targets, "gatewayId", in.gatewayId());
        put(targets, "natGatewayId", in.natGatewayId());
        put(targets, "instanceId", in.instanceId());
        put(targets, "networkInterfaceId", in.networkInterfaceId());
        put(targets, "vpcPeeringConnectionId", in.vpcPeeringConnectionId());
        put(targets, "transitGatewayId", in.transitGatewayId());
        put(targets, "egressOnlyInternetGatewayId", in.egressOnlyInternetGatewayId());
        put(targets, "other", in.other());
        if (in.localTarget()) {
            targets.put("localTarget", "local");
        }
        if (targets.isEmpty()) {
            throw AwsException.badRequest("MissingParameter", "The request must contain exactly one of gatewayId, natGatewayId, "
                    + "instanceId, networkInterfaceId, vpcPeeringConnectionId, transitGatewayId, egressOnlyInternetGatewayId");
        }
        if (targets.size() > 1) {
            throw Ec2Errors.invalidParameterCombination("More than one target specified: " + String.join(", ", targets.keySet()));
        }
        boolean v6 = destination.contains(":");
        boolean v4 = !v6 && destination.contains("/");
        String prefixList = v4 || v6 ? null : destination;
        String dest4 = v4 ? destination : null;
        String dest6 = v6 ? destination : null;
        if (in.localTarget() || "local".equals(in.gatewayId())) {
            requireVpcBlock(table, destination);
            return new Route(dest4, dest6, prefixList, "local", null, null, null, null, null, null, origin);
        }
        if (in.gatewayId() != null) {
            return new Route(dest4, dest6, prefixList, gateway(tx, table, in.gatewayId()), null, null, null, null, null, null, origin);
        }
        if (in.natGatewayId() != null) {
            NatGatewayRecord nat = Lookups.require(tx, NetworkKinds.NAT_GATEWAY, in.natGatewayId());
            if (!nat.vpcId().equals(table.vpcId()) || nat.gone()) {
                throw Ec2Errors.invalidParameterValue("route table " + table.routeTableId() + " and network gateway "
                        + nat.natGatewayId() + " belong to different networks");
            }
            return new Route(dest4, dest6, prefixList, null, nat.natGatewayId(), null, null, null, null, null, origin);
        }
        if (in.instanceId() != null) {
            compute.requireInstance(tx, in.instanceId());
            requireSameNetwork(tx, table, in.instanceId());
            String eni = compute.primaryNetworkInterface(tx, in.instanceId()).orElse(null);
            return new Route(dest4, dest6, prefixList, null, null, in.instanceId(), eni, null, null, null, origin);
        }
        if (in.networkInterfaceId() != null) {
            compute.requireNetworkInterface(tx, in.networkInterfaceId());
            requireSameNetwork(tx, table, in.networkInterfaceId());
            return new Route(dest4, dest6, prefixList, null, null, null, in.networkInterfaceId(), null, null, null, origin);
        }
        if (in.vpcPeeringConnectionId() != null) {
            throw AwsException.badRequest("InvalidVpcPeeringConnectionID.NotFound",
                    "The vpcPeeringConnection ID '" + in.vpcPeeringConnectionId() + "' does not exist");
        }
        if (in.transitGatewayId() != null) {
            throw AwsException.badRequest("InvalidTransitGatewayID.NotFound",
                    "Transit Gateway " + in.transitGatewayId() + " not found");
        }
        if (in.egressOnlyInternetGatewayId() != null) {
            throw AwsException.badRequest("InvalidGatewayID.NotFound",
                    "The gateway ID '" + in.egressOnlyInternetGatewayId() + "' does not exist");
        }
        throw AwsException.badRequest("InvalidGatewayID.NotFound", "The gateway ID '" + in.other() + "' does not exist");
    }

    private static void put(Map<String, String> targets, String name, String value) {
        if (value != null) {
            targets.put(name, value);
        }
    }

    private static String gateway(Tx tx, RouteTableRecord table, String gatewayId) {
        if (!NetworkKinds.INTERNET_GATEWAY.owns(gatewayId)) {
            throw AwsException.badRequest("InvalidGatewayID.NotFound", "The gateway ID '" + gatewayId + "' does not exist");
        }
        InternetGatewayRecord igw = Lookups.require(tx, NetworkKinds.INTERNET_GATEWAY, gatewayId);
        if (!table.vpcId().equals(igw.vpcId())) {
            throw Ec2Errors.invalidParameterValue("route table " + table.routeTableId() + " and network gateway "
                    + gatewayId + " belong to different networks");
        }
        return gatewayId;
    }

    private void requireSameNetwork(Tx tx, RouteTableRecord table, String targetId) {
        compute.vpcOf(tx, targetId).ifPresent(vpc -> {
            if (!vpc.equals(table.vpcId())) {
                throw Ec2Errors.invalidParameterValue("route table " + table.routeTableId() + " and interface "
                        + targetId + " belong to different networks");
            }
        });
    }

    private static void requireVpcBlock(RouteTableRecord table, String destination) {
        boolean local = table.routes().stream().anyMatch(r -> r.local() && destination.equals(r.destination()));
        if (!local) {
            throw Ec2Errors.invalidParameterValue("Route table " + table.routeTableId()
                    + " does not have a local route for " + destination + "; a local target needs the VPC's own block.");
        }
    }

    /** Active while the target is usable; blackhole once it is detached, deleted or terminated. */
    public String state(Tx tx, RouteTableRecord table, Route route) {
        if (route.local()) {
            return ACTIVE;
        }
        if (route.gatewayId() != null) {
            return tx.get(InternetGatewayRecord.TABLE, route.gatewayId())
                    .filter(g -> table.vpcId().equals(g.vpcId())).isPresent() ? ACTIVE : BLACKHOLE;
        }
        if (route.natGatewayId() != null) {
            return tx.get(NatGatewayRecord.TABLE, route.natGatewayId()).filter(n -> !n.gone()).isPresent() ? ACTIVE : BLACKHOLE;
        }
        if (route.instanceId() != null) {
            return compute.instanceAlive(tx, route.instanceId()) ? ACTIVE : BLACKHOLE;
        }
        if (route.networkInterfaceId() != null) {
            return compute.networkInterfaceAlive(tx, route.networkInterfaceId()) ? ACTIVE : BLACKHOLE;
        }
        return BLACKHOLE;
    }

    /** Replaces or adds one route, keeping the table's order. */
    public static List<Route> withRoute(List<Route> routes, Route replacement) {
        List<Route> out = new ArrayList<>();
        boolean replaced = false;
        for (Route r : routes) {
            if (r.destination().equals(replacement.destination())) {
                out.add(replacement);
                replaced = true;
            } else {
                out.add(r);
            }
        }
        if (!replaced) {
            out.add(replacement);
        }
        return out;
    }
}
