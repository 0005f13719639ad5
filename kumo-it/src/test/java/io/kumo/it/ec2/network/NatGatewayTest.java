package io.kumo.it.ec2.network;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.Route;

import java.time.Duration;

import static io.kumo.it.ec2.Ec2Asserts.fails;
import static io.kumo.it.ec2.Ec2Asserts.filter;
import static org.assertj.core.api.Assertions.assertThat;

class NatGatewayTest {
    private final Ec2Client ec2 = KumoHarness.shared().ec2();

    private NatGateway describe(String id) {
        return ec2.describeNatGateways(r -> r.natGatewayIds(id)).natGateways().getFirst();
    }

    @Test
    void privateNatGatewayLifecycleAndRoutes() throws InterruptedException {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24")).subnet().subnetId();
        NatGateway nat = ec2.createNatGateway(r -> r.subnetId(subnet).connectivityType("private")
                .tagSpecifications(t -> t.resourceType("natgateway").tags(tag -> tag.key("Name").value("nat-1a")))).natGateway();
        assertThat(nat.natGatewayId()).matches("nat-[0-9a-f]{17}");
        assertThat(nat.stateAsString()).isEqualTo("pending");
        assertThat(nat.vpcId()).isEqualTo(vpc);
        assertThat(nat.natGatewayAddresses()).singleElement().satisfies(a -> assertThat(a.privateIp()).isEqualTo("10.0.0.4"));
        // It took an address of its subnet.
        assertThat(ec2.describeSubnets(r -> r.subnetIds(subnet)).subnets().getFirst().availableIpAddressCount()).isEqualTo(250);

        ec2.waiter().waitUntilNatGatewayAvailable(r -> r.natGatewayIds(nat.natGatewayId()),
                w -> w.waitTimeout(Duration.ofSeconds(30)).backoffStrategyV2(
                        software.amazon.awssdk.retries.api.BackoffStrategy.fixedDelay(Duration.ofMillis(200))));
        assertThat(describe(nat.natGatewayId()).stateAsString()).isEqualTo("available");
        assertThat(ec2.describeNatGateways(r -> r.filter(filter("tag:Name", "nat-1a"), filter("vpc-id", vpc))).natGateways()).hasSize(1);

        String rtb = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat.natGatewayId()));
        assertThat(route(rtb).stateAsString()).isEqualTo("active");
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("route.nat-gateway-id", nat.natGatewayId()))).routeTables()).hasSize(1);

        fails("DependencyViolation", () -> ec2.deleteSubnet(r -> r.subnetId(subnet)));
        assertThat(ec2.deleteNatGateway(r -> r.natGatewayId(nat.natGatewayId())).natGatewayId()).isEqualTo(nat.natGatewayId());
        assertThat(describe(nat.natGatewayId()).stateAsString()).isIn("deleting", "deleted");
        assertThat(route(rtb).stateAsString()).isEqualTo("blackhole");
        Thread.sleep(1200);
        NatGateway deleted = describe(nat.natGatewayId());
        assertThat(deleted.stateAsString()).isEqualTo("deleted");
        assertThat(deleted.deleteTime()).isNotNull();
        assertThat(ec2.describeSubnets(r -> r.subnetIds(subnet)).subnets().getFirst().availableIpAddressCount()).isEqualTo(251);
    }

    private Route route(String rtb) {
        return ec2.describeRouteTables(r -> r.routeTableIds(rtb)).routeTables().getFirst().routes().stream()
                .filter(r -> "0.0.0.0/0".equals(r.destinationCidrBlock())).findFirst().orElseThrow();
    }

    @Test
    void errors() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24")).subnet().subnetId();
        fails("MissingParameter", () -> ec2.createNatGateway(r -> r.subnetId(subnet)));
        fails("InvalidAllocationID.NotFound", () -> ec2.createNatGateway(r -> r.subnetId(subnet).allocationId("eipalloc-0123456789abcdef0")));
        fails("InvalidSubnetID.NotFound", () -> ec2.createNatGateway(r -> r.subnetId("subnet-0123456789abcdef0").connectivityType("private")));
        fails("NatGatewayNotFound", () -> ec2.describeNatGateways(r -> r.natGatewayIds("nat-0123456789abcdef0")));
        fails("NatGatewayNotFound", () -> ec2.deleteNatGateway(r -> r.natGatewayId("nat-0123456789abcdef0")));
        fails("NatGatewayMalformed", () -> ec2.deleteNatGateway(r -> r.natGatewayId("nat-bad")));
        fails("InvalidIPAddress.InUse", () -> {
            ec2.createNatGateway(r -> r.subnetId(subnet).connectivityType("private").privateIpAddress("10.0.0.50"));
            ec2.createNatGateway(r -> r.subnetId(subnet).connectivityType("private").privateIpAddress("10.0.0.50"));
        });
        fails("InvalidParameterValue", () -> ec2.createNatGateway(r -> r.subnetId(subnet).connectivityType("private")
                .privateIpAddress("10.9.0.50")));
    }
}
