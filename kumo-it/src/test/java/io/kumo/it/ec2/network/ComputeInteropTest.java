package io.kumo.it.ec2.network;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.Route;

import java.time.Duration;

import static io.kumo.it.ec2.Ec2Asserts.fails;
import static io.kumo.it.ec2.Ec2Asserts.filter;
import static org.assertj.core.api.Assertions.assertThat;

/** What the network area sees of instances: addresses taken, dependencies, instance routes, NAT with an Elastic IP. */
class ComputeInteropTest {
    private final Ec2Client ec2 = KumoHarness.shared().ec2();

    private String image() {
        return ec2.describeImages(r -> r.owners("amazon").filters(filter("architecture", "x86_64"))).images().getFirst().imageId();
    }

    @Test
    void instancesHoldTheirSubnetVpcAndGroups() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24")).subnet().subnetId();
        String sg = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("app").description("app")).groupId();
        Instance instance = ec2.runInstances(r -> r.imageId(image()).instanceType("t2.micro").minCount(1).maxCount(1)
                .subnetId(subnet).securityGroupIds(sg)).instances().getFirst();
        assertThat(instance.privateIpAddress()).isEqualTo("10.0.0.4");
        assertThat(ec2.describeSubnets(r -> r.subnetIds(subnet)).subnets().getFirst().availableIpAddressCount()).isEqualTo(250);

        fails("DependencyViolation", () -> ec2.deleteSubnet(r -> r.subnetId(subnet)));
        fails("DependencyViolation", () -> ec2.deleteVpc(r -> r.vpcId(vpc)));
        fails("DependencyViolation", () -> ec2.deleteSecurityGroup(r -> r.groupId(sg)));

        String rtb = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("192.0.2.0/24").instanceId(instance.instanceId()));
        Route route = route(rtb);
        assertThat(route.instanceId()).isEqualTo(instance.instanceId());
        assertThat(route.networkInterfaceId()).isEqualTo(instance.networkInterfaces().getFirst().networkInterfaceId());
        assertThat(route.stateAsString()).isEqualTo("active");

        String otherVpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String foreignRtb = ec2.createRouteTable(r -> r.vpcId(otherVpc)).routeTable().routeTableId();
        fails("InvalidParameterValue", () -> ec2.createRoute(r -> r.routeTableId(foreignRtb).destinationCidrBlock("192.0.2.0/24")
                .instanceId(instance.instanceId())));

        ec2.terminateInstances(r -> r.instanceIds(instance.instanceId()));
        ec2.waiter().waitUntilInstanceTerminated(r -> r.instanceIds(instance.instanceId()),
                w -> w.waitTimeout(Duration.ofSeconds(30))
                        .backoffStrategyV2(software.amazon.awssdk.retries.api.BackoffStrategy.fixedDelay(Duration.ofMillis(200))));
        assertThat(route(rtb).stateAsString()).isEqualTo("blackhole");
    }

    @Test
    void aGatewayWithPublicAddressesMappedCannotBeDetached() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24")).subnet().subnetId();
        String igw = ec2.createInternetGateway().internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        Instance instance = ec2.runInstances(r -> r.imageId(image()).instanceType("t2.micro").minCount(1).maxCount(1)
                .networkInterfaces(n -> n.deviceIndex(0).subnetId(subnet).associatePublicIpAddress(true))).instances().getFirst();
        assertThat(instance.publicIpAddress()).isNotNull();
        fails("DependencyViolation", () -> ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc)));
        ec2.terminateInstances(r -> r.instanceIds(instance.instanceId()));
        ec2.waiter().waitUntilInstanceTerminated(r -> r.instanceIds(instance.instanceId()),
                w -> w.waitTimeout(Duration.ofSeconds(30))
                        .backoffStrategyV2(software.amazon.awssdk.retries.api.BackoffStrategy.fixedDelay(Duration.ofMillis(200))));
        ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
    }

    private Route route(String rtb) {
        return ec2.describeRouteTables(r -> r.routeTableIds(rtb)).routeTables().getFirst().routes().stream()
                .filter(r -> "192.0.2.0/24".equals(r.destinationCidrBlock())).findFirst().orElseThrow();
    }

    @Test
    void publicNatGatewayTakesAnElasticIp() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24")).subnet().subnetId();
        var eip = ec2.allocateAddress(r -> r.domain("vpc"));
        NatGateway nat = ec2.createNatGateway(r -> r.subnetId(subnet).allocationId(eip.allocationId())).natGateway();
        assertThat(nat.connectivityTypeAsString()).isEqualTo("public");
        assertThat(nat.natGatewayAddresses()).singleElement().satisfies(a -> {
            assertThat(a.allocationId()).isEqualTo(eip.allocationId());
            assertThat(a.publicIp()).isEqualTo(eip.publicIp());
        });
        fails("Resource.AlreadyAssociated", () -> ec2.createNatGateway(r -> r.subnetId(subnet).allocationId(eip.allocationId())));
        fails("InvalidIPAddress.InUse", () -> ec2.releaseAddress(r -> r.allocationId(eip.allocationId())));
        ec2.deleteNatGateway(r -> r.natGatewayId(nat.natGatewayId()));
        assertThat(ec2.describeNatGateways(r -> r.filter(filter("vpc-id", vpc), filter("state", "deleting", "deleted"))).natGateways())
                .hasSize(1);
    }
}
