package io.kumo.it.ec2.network;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.util.List;
import java.util.Map;

import static io.kumo.it.ec2.Ec2Asserts.fails;
import static io.kumo.it.ec2.Ec2Asserts.filter;
import static org.assertj.core.api.Assertions.assertThat;

/** SCENARIO.md section 1, the seeds' network, built and torn down as a user would. */
class ScenarioNetworkTest {
    private final Ec2Client ec2 = KumoHarness.shared().ec2();

    private static IpPermission tcpFromAnywhere(int port) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port).ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build();
    }

    private static IpPermission tcpFromGroup(int port, String groupId) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port)
                .userIdGroupPairs(UserIdGroupPair.builder().groupId(groupId).build()).build();
    }

    @Test
    void sectionOneNetwork() {
        // 1. The VPC: DNS resolution on, hostnames off; wrong sizes and overlapping blocks refused.
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpc).attribute("enableDnsSupport")).enableDnsSupport().value()).isTrue();
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpc).attribute("enableDnsHostnames")).enableDnsHostnames().value()).isFalse();
        fails("InvalidVpc.Range", () -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/8")));
        fails("InvalidVpc.Range", () -> ec2.associateVpcCidrBlock(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/20")));

        // 2. Four subnets, 251 free addresses each.
        Map<String, String> zones = Map.of("10.0.0.0/24", "ap-northeast-1a", "10.0.1.0/24", "ap-northeast-1c",
                "10.0.2.0/24", "ap-northeast-1a", "10.0.3.0/24", "ap-northeast-1c");
        String public1a = subnet(vpc, "10.0.0.0/24", zones);
        String public1c = subnet(vpc, "10.0.1.0/24", zones);
        String private1a = subnet(vpc, "10.0.2.0/24", zones);
        String private1c = subnet(vpc, "10.0.3.0/24", zones);
        assertThat(ec2.describeSubnets(r -> r.filters(filter("vpc-id", vpc))).subnets())
                .hasSize(4).allSatisfy(s -> assertThat(s.availableIpAddressCount()).isEqualTo(251));

        // 3. Internet gateway, attached.
        String igw = ec2.createInternetGateway().internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));

        // 4. Public route table with 0.0.0.0/0 -> igw for the public subnets; the main table keeps only local.
        String publicRtb = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(publicRtb).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        ec2.associateRouteTable(r -> r.routeTableId(publicRtb).subnetId(public1a));
        ec2.associateRouteTable(r -> r.routeTableId(publicRtb).subnetId(public1c));
        RouteTable publicTable = ec2.describeRouteTables(r -> r.routeTableIds(publicRtb)).routeTables().getFirst();
        assertThat(publicTable.routes()).extracting(Route::destinationCidrBlock, Route::gatewayId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("10.0.0.0/16", "local"),
                        org.assertj.core.groups.Tuple.tuple("0.0.0.0/0", igw));
        RouteTable main = ec2.describeRouteTables(r -> r.filters(filter("vpc-id", vpc), filter("association.main", "true")))
                .routeTables().getFirst();
        assertThat(main.routes()).extracting(Route::gatewayId).containsExactly("local");
        for (String privateSubnet : List.of(private1a, private1c)) {
            assertThat(ec2.describeRouteTables(r -> r.filters(filter("association.subnet-id", privateSubnet))).routeTables()).isEmpty();
        }

        // 5. Security groups.
        String web = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("web-sg").description("web servers")).groupId();
        String elb = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("elb-sg").description("load balancer")).groupId();
        String db = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("db-sg").description("database")).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(tcpFromAnywhere(22), tcpFromAnywhere(80)));
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(elb).ipPermissions(tcpFromAnywhere(80)));
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(db).ipPermissions(tcpFromGroup(3306, web)));
        SecurityGroup dbGroup = ec2.describeSecurityGroups(r -> r.groupIds(db)).securityGroups().getFirst();
        assertThat(dbGroup.ipPermissions()).singleElement().satisfies(p -> {
            assertThat(p.fromPort()).isEqualTo(3306);
            assertThat(p.ipRanges()).isEmpty();
            assertThat(p.userIdGroupPairs()).extracting(UserIdGroupPair::groupId).containsExactly(web);
        });

        // Later the seeds tighten web-sg: port 80 only from elb-sg.
        ec2.revokeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(tcpFromAnywhere(80)));
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(tcpFromGroup(80, elb)));
        SecurityGroup webGroup = ec2.describeSecurityGroups(r -> r.groupIds(web)).securityGroups().getFirst();
        assertThat(webGroup.ipPermissions()).hasSize(2);
        IpPermission http = webGroup.ipPermissions().stream().filter(p -> p.fromPort() == 80).findFirst().orElseThrow();
        assertThat(http.ipRanges()).isEmpty();
        assertThat(http.userIdGroupPairs()).extracting(UserIdGroupPair::groupId).containsExactly(elb);

        // Clean-up: a VPC with subnets is refused; in the right order everything goes.
        fails("DependencyViolation", () -> ec2.deleteVpc(r -> r.vpcId(vpc)));
        fails("DependencyViolation", () -> ec2.deleteSecurityGroup(r -> r.groupId(web)));
        ec2.deleteSecurityGroup(r -> r.groupId(db));
        ec2.revokeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(tcpFromGroup(80, elb)));
        ec2.deleteSecurityGroup(r -> r.groupId(web));
        ec2.deleteSecurityGroup(r -> r.groupId(elb));
        for (String s : List.of(public1a, public1c, private1a, private1c)) {
            ec2.deleteSubnet(r -> r.subnetId(s));
        }
        ec2.deleteRouteTable(r -> r.routeTableId(publicRtb));
        ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        ec2.deleteInternetGateway(r -> r.internetGatewayId(igw));
        ec2.deleteVpc(r -> r.vpcId(vpc));
        assertThat(ec2.describeVpcs(r -> r.filters(filter("vpc-id", vpc))).vpcs()).isEmpty();
    }

    private String subnet(String vpc, String cidr, Map<String, String> zones) {
        Subnet s = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr).availabilityZone(zones.get(cidr))).subnet();
        assertThat(s.availableIpAddressCount()).isEqualTo(251);
        assertThat(s.availabilityZone()).isEqualTo(zones.get(cidr));
        return s.subnetId();
    }
}
