package io.kumo.ec2.network;

import io.kumo.ec2.network.igw.InternetGatewayRecord;
import io.kumo.ec2.network.nacl.NetworkAclRecord;
import io.kumo.ec2.network.natgw.NatGatewayRecord;
import io.kumo.ec2.network.prefixlist.PrefixListRecord;
import io.kumo.ec2.network.routetable.RouteTableRecord;
import io.kumo.ec2.network.sg.SecurityGroupRecord;
import io.kumo.ec2.network.sg.SecurityGroupRuleIndex;
import io.kumo.ec2.network.subnet.SubnetRecord;
import io.kumo.ec2.network.vpc.DhcpOptionsRecord;
import io.kumo.ec2.network.vpc.VpcRecord;
import io.kumo.ec2.support.ResourceKind;

import java.util.List;

/** The resource kinds of the network area, with the error codes EC2 uses for each. */
public final class NetworkKinds {
    private NetworkKinds() {
    }

    public static final ResourceKind VPC = new ResourceKind("vpc", "vpc", VpcRecord.TABLE,
            "InvalidVpcID.NotFound", "InvalidVpcID.Malformed", "vpc ID");
    public static final ResourceKind SUBNET = new ResourceKind("subnet", "subnet", SubnetRecord.TABLE,
            "InvalidSubnetID.NotFound", "InvalidSubnetID.Malformed", "subnet ID");
    public static final ResourceKind INTERNET_GATEWAY = new ResourceKind("igw", "internet-gateway", InternetGatewayRecord.TABLE,
            "InvalidInternetGatewayID.NotFound", "InvalidInternetGatewayId.Malformed", "internetGateway ID");
    public static final ResourceKind ROUTE_TABLE = new ResourceKind("rtb", "route-table", RouteTableRecord.TABLE,
            "InvalidRouteTableID.NotFound", "InvalidRouteTableId.Malformed", "routeTable ID");
    public static final ResourceKind NETWORK_ACL = new ResourceKind("acl", "network-acl", NetworkAclRecord.TABLE,
            "InvalidNetworkAclID.NotFound", "InvalidNetworkAclId.Malformed", "networkAcl ID");
    public static final ResourceKind SECURITY_GROUP = new ResourceKind("sg", "security-group", SecurityGroupRecord.TABLE,
            "InvalidGroup.NotFound", "InvalidGroupId.Malformed", "security group");
    public static final ResourceKind SECURITY_GROUP_RULE = new ResourceKind("sgr", "security-group-rule", SecurityGroupRuleIndex.TABLE,
            "InvalidSecurityGroupRuleId.NotFound", "InvalidSecurityGroupRuleId.Malformed", "security group rule ID");
    public static final ResourceKind NAT_GATEWAY = new ResourceKind("nat", "natgateway", NatGatewayRecord.TABLE,
            "NatGatewayNotFound", "NatGatewayMalformed", "nat gateway ID");
    public static final ResourceKind PREFIX_LIST = new ResourceKind("pl", "prefix-list", PrefixListRecord.TABLE,
            "InvalidPrefixListID.NotFound", "InvalidPrefixListId.Malformed", "prefix list ID");
    public static final ResourceKind DHCP_OPTIONS = new ResourceKind("dopt", "dhcp-options", DhcpOptionsRecord.TABLE,
            "InvalidDhcpOptionID.NotFound", "InvalidDhcpOptionsId.Malformed", "dhcpOption ID");

    public static final List<ResourceKind> ALL = List.of(VPC, SUBNET, INTERNET_GATEWAY, ROUTE_TABLE, NETWORK_ACL,
            SECURITY_GROUP, SECURITY_GROUP_RULE, NAT_GATEWAY, PREFIX_LIST, DHCP_OPTIONS);
}
