package io.kumo.it.ec2.network;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

import java.util.List;

import static io.kumo.it.ec2.Ec2Asserts.fails;
import static io.kumo.it.ec2.Ec2Asserts.filter;
import static io.kumo.it.ec2.Ec2Asserts.message;
import static org.assertj.core.api.Assertions.assertThat;

class RouteTableTest extends InVpcWithSubnet {

    private RouteTable table(String id) {
        return ec2.describeRouteTables(r -> r.routeTableIds(id)).routeTables().getFirst();
    }

    private RouteTable main() {
        return ec2.describeRouteTables(r -> r.filters(filter("vpc-id", vpc), filter("association.main", "true"))).routeTables().getFirst();
    }

    private Route route(String table, String destination) {
        return table(table).routes().stream().filter(r -> destination.equals(r.destinationCidrBlock())).findFirst().orElseThrow();
    }

    @Test
    void routesToAnInternetGatewayAndBlackholeWhenDetached() {
        String igw = ec2.createInternetGateway().internetGateway().internetGatewayId();
        RouteTable created = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable();
        String rtb = created.routeTableId();
        assertThat(rtb).matches("rtb-[0-9a-f]{17}");
        assertThat(created.associations()).isEmpty();
        assertThat(created.routes()).singleElement().satisfies(r -> assertThat(r.gatewayId()).isEqualTo("local"));

        var notAttached = fails("InvalidParameterValue", () -> ec2.createRoute(r -> r.routeTableId(rtb)
                .destinationCidrBlock("0.0.0.0/0").gatewayId(igw)));
        assertThat(message(notAttached)).isEqualTo("route table " + rtb + " and network gateway " + igw + " belong to different networks");
        ec2.attachInternetGateway(r -> r.vpcId(vpc).internetGatewayId(igw));
        assertThat(ec2.createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0").gatewayId(igw)).returnValue()).isTrue();
        Route route = route(rtb, "0.0.0.0/0");
        assertThat(route.gatewayId()).isEqualTo(igw);
        assertThat(route.stateAsString()).isEqualTo("active");
        assertThat(route.originAsString()).isEqualTo("CreateRoute");

        var exists = fails("RouteAlreadyExists", () -> ec2.createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0").gatewayId(igw)));
        assertThat(message(exists)).isEqualTo("The route identified by 0.0.0.0/0 already exists.");

        ec2.detachInternetGateway(r -> r.vpcId(vpc).internetGatewayId(igw));
        assertThat(route(rtb, "0.0.0.0/0").stateAsString()).isEqualTo("blackhole");
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("route.state", "blackhole"), filter("vpc-id", vpc))).routeTables())
                .extracting(RouteTable::routeTableId).containsExactly(rtb);
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("route.gateway-id", igw))).routeTables())
                .extracting(RouteTable::routeTableId).containsExactly(rtb);
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("route.destination-cidr-block", "0.0.0.0/0"),
                filter("vpc-id", vpc))).routeTables()).hasSize(1);
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("route.origin", "CreateRoute"), filter("vpc-id", vpc))).routeTables())
                .hasSize(1);
    }

    @Test
    void targetsAndErrors() {
        String rtb = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        fails("InvalidInternetGatewayID.NotFound", () -> ec2.createRoute(r -> r.routeTableId(rtb)
                .destinationCidrBlock("0.0.0.0/0").gatewayId("igw-0123456789abcdef0")));
        fails("InvalidGatewayID.NotFound", () -> ec2.createRoute(r -> r.routeTableId(rtb)
                .destinationCidrBlock("0.0.0.0/0").gatewayId("vgw-0123456789abcdef0")));
        fails("NatGatewayNotFound", () -> ec2.createRoute(r -> r.routeTableId(rtb)
                .destinationCidrBlock("0.0.0.0/0").natGatewayId("nat-0123456789abcdef0")));
        fails("InvalidInstanceID.NotFound", () -> ec2.createRoute(r -> r.routeTableId(rtb)
                .destinationCidrBlock("0.0.0.0/0").instanceId("i-0123456789abcdef0")));
        fails("InvalidNetworkInterfaceID.NotFound", () -> ec2.createRoute(r -> r.routeTableId(rtb)
                .destinationCidrBlock("0.0.0.0/0").networkInterfaceId("eni-0123456789abcdef0")));
        fails("InvalidRouteTableID.NotFound", () -> ec2.createRoute(r -> r.routeTableId("rtb-0123456789abcdef0")
                .destinationCidrBlock("0.0.0.0/0").gatewayId("local")));
        fails("InvalidRouteTableId.Malformed", () -> ec2.describeRouteTables(r -> r.routeTableIds("rtb-?")));
        fails("InvalidParameterValue", () -> ec2.createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/99")
                .gatewayId("igw-0123456789abcdef0")));
        String igw = ec2.createInternetGateway().internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.vpcId(vpc).internetGatewayId(igw));
        fails("InvalidParameterCombination", () -> ec2.createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0")
                .gatewayId(igw).natGatewayId("nat-0123456789abcdef0")));
        fails("MissingParameter", () -> ec2.createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0")));
    }

    @Test
    void deleteAndReplaceRoutes() {
        String igw = ec2.createInternetGateway().internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.vpcId(vpc).internetGatewayId(igw));
        String rtb = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("192.0.2.0/24").gatewayId(igw));

        var missing = fails("InvalidRoute.NotFound", () -> ec2.deleteRoute(r -> r.routeTableId(rtb).destinationCidrBlock("198.51.100.0/24")));
        assertThat(message(missing)).isEqualTo("no route with destination-cidr-block 198.51.100.0/24 in route table " + rtb);
        fails("InvalidParameterValue", () -> ec2.replaceRoute(r -> r.routeTableId(rtb).destinationCidrBlock("198.51.100.0/24").gatewayId(igw)));
        fails("InvalidParameterValue", () -> ec2.deleteRoute(r -> r.routeTableId(rtb).destinationCidrBlock("10.0.0.0/16")));

        String other = ec2.createInternetGateway().internetGateway().internetGatewayId();
        fails("InvalidParameterValue", () -> ec2.replaceRoute(r -> r.routeTableId(rtb).destinationCidrBlock("192.0.2.0/24").gatewayId(other)));
        ec2.deleteRoute(r -> r.routeTableId(rtb).destinationCidrBlock("192.0.2.0/24"));
        assertThat(table(rtb).routes()).hasSize(1);
    }

    @Test
    void associationsAndTheMainTable() {
        String rtb = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        String association = ec2.associateRouteTable(r -> r.routeTableId(rtb).subnetId(subnet)).associationId();
        assertThat(association).matches("rtbassoc-[0-9a-f]{17}");
        assertThat(table(rtb).associations()).singleElement().satisfies(a -> {
            assertThat(a.subnetId()).isEqualTo(subnet);
            assertThat(a.main()).isFalse();
            assertThat(a.associationState().stateAsString()).isEqualTo("associated");
        });
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("association.subnet-id", subnet))).routeTables())
                .extracting(RouteTable::routeTableId).containsExactly(rtb);
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("association.route-table-association-id", association))).routeTables())
                .extracting(RouteTable::routeTableId).containsExactly(rtb);

        String second = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        fails("Resource.AlreadyAssociated", () -> ec2.associateRouteTable(r -> r.routeTableId(second).subnetId(subnet)));
        var inUse = fails("DependencyViolation", () -> ec2.deleteRouteTable(r -> r.routeTableId(rtb)));
        assertThat(message(inUse)).isEqualTo("The routeTable '" + rtb + "' has dependencies and cannot be deleted.");

        String otherVpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String foreign = ec2.createRouteTable(r -> r.vpcId(otherVpc)).routeTable().routeTableId();
        String otherSubnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24")).subnet().subnetId();
        fails("InvalidParameterValue", () -> ec2.associateRouteTable(r -> r.routeTableId(foreign).subnetId(otherSubnet)));

        String moved = ec2.replaceRouteTableAssociation(r -> r.associationId(association).routeTableId(second)).newAssociationId();
        assertThat(moved).isNotEqualTo(association);
        assertThat(table(second).associations()).extracting(RouteTableAssociation::subnetId).containsExactly(subnet);
        assertThat(table(rtb).associations()).isEmpty();

        fails("InvalidAssociationID.NotFound", () -> ec2.disassociateRouteTable(r -> r.associationId(association)));
        ec2.disassociateRouteTable(r -> r.associationId(moved));
        assertThat(table(second).associations()).isEmpty();
        ec2.deleteRouteTable(r -> r.routeTableId(rtb));
        fails("InvalidRouteTableID.NotFound", () -> table(rtb));
    }

    @Test
    void theMainAssociationMovesWithReplaceRouteTableAssociation() {
        RouteTable main = main();
        RouteTableAssociation mainAssociation = main.associations().stream().filter(RouteTableAssociation::main).findFirst().orElseThrow();
        fails("DependencyViolation", () -> ec2.deleteRouteTable(r -> r.routeTableId(main.routeTableId())));
        fails("InvalidParameterValue", () -> ec2.disassociateRouteTable(r -> r.associationId(mainAssociation.routeTableAssociationId())));

        String custom = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        String newId = ec2.replaceRouteTableAssociation(r -> r.associationId(mainAssociation.routeTableAssociationId())
                .routeTableId(custom)).newAssociationId();
        assertThat(main().routeTableId()).isEqualTo(custom);
        assertThat(table(custom).associations()).singleElement().satisfies(a -> {
            assertThat(a.main()).isTrue();
            assertThat(a.routeTableAssociationId()).isEqualTo(newId);
        });
        ec2.deleteRouteTable(r -> r.routeTableId(main.routeTableId()));
    }

    @Test
    void pagingAndTags() {
        for (int i = 0; i < 6; i++) {
            ec2.createRouteTable(r -> r.vpcId(vpc).tagSpecifications(t -> t.resourceType("route-table").tags(tag -> tag.key("pager").value("x"))));
        }
        var first = ec2.describeRouteTables(r -> r.filters(filter("tag:pager", "x"), filter("vpc-id", vpc)).maxResults(5));
        assertThat(first.routeTables()).hasSize(5);
        var second = ec2.describeRouteTables(r -> r.filters(filter("tag:pager", "x"), filter("vpc-id", vpc)).maxResults(5)
                .nextToken(first.nextToken()));
        assertThat(second.routeTables()).hasSize(1);
        assertThat(second.nextToken()).isNull();
        fails("InvalidParameterValue", () -> ec2.describeRouteTables(r -> r.maxResults(101)));
    }

    @Test
    void routesInDescribeKeepTheirTargets() {
        String igw = ec2.createInternetGateway().internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.vpcId(vpc).internetGatewayId(igw));
        ec2.createRoute(r -> r.routeTableId(main().routeTableId()).destinationIpv6CidrBlock("::/0").gatewayId(igw));
        assertThat(main().routes()).anySatisfy(route -> {
            assertThat(route.destinationIpv6CidrBlock()).isEqualTo("::/0");
            assertThat(route.gatewayId()).isEqualTo(igw);
        });
        List<String> pl = ec2.describeManagedPrefixLists(r -> r.filters(filter("owner-id", "AWS"))).prefixLists().stream()
                .map(p -> p.prefixListId()).toList();
        ec2.createRoute(r -> r.routeTableId(main().routeTableId()).destinationPrefixListId(pl.getFirst()).gatewayId(igw));
        assertThat(main().routes()).anySatisfy(route -> assertThat(route.destinationPrefixListId()).isEqualTo(pl.getFirst()));
    }
}
