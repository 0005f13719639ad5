package io.kumo.it.ec2;

import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * A VPC {@code PREFIX.0.0/16} with an attached internet gateway and one public subnet in each of
 * zones 1a ({@code PREFIX.0.0/24}) and 1c ({@code PREFIX.1.0/24}), routed to it and giving
 * instances public IPs: what an internet-facing load balancer and its targets need.
 */
public record PublicVpc(String vpcId, String subnetA, String subnetC) {

    /** @param prefix the first two octets, such as "10.60", distinct per test class so classes never share addresses */
    public static PublicVpc create(Ec2Client ec2, String prefix) {
        String vpc = ec2.createVpc(r -> r.cidrBlock(prefix + ".0.0/16")).vpc().vpcId();
        String igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        return new PublicVpc(vpc, subnet(ec2, vpc, table, prefix + ".0.0/24", "ap-northeast-1a"),
                subnet(ec2, vpc, table, prefix + ".1.0/24", "ap-northeast-1c"));
    }

    private static String subnet(Ec2Client ec2, String vpc, String table, String cidr, String zone) {
        String id = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr).availabilityZone(zone)).subnet().subnetId();
        ec2.modifySubnetAttribute(r -> r.subnetId(id).mapPublicIpOnLaunch(v -> v.value(true)));
        ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(id));
        return id;
    }
}
