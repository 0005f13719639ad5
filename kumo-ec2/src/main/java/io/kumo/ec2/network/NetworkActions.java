package io.kumo.ec2.network;

import io.kumo.ec2.network.igw.AttachInternetGateway;
import io.kumo.ec2.network.igw.CreateInternetGateway;
import io.kumo.ec2.network.igw.DeleteInternetGateway;
import io.kumo.ec2.network.igw.DescribeInternetGateways;
import io.kumo.ec2.network.igw.DetachInternetGateway;
import io.kumo.ec2.network.nacl.CreateNetworkAcl;
import io.kumo.ec2.network.nacl.CreateNetworkAclEntry;
import io.kumo.ec2.network.nacl.DeleteNetworkAcl;
import io.kumo.ec2.network.nacl.DeleteNetworkAclEntry;
import io.kumo.ec2.network.nacl.DescribeNetworkAcls;
import io.kumo.ec2.network.nacl.ReplaceNetworkAclAssociation;
import io.kumo.ec2.network.nacl.ReplaceNetworkAclEntry;
import io.kumo.ec2.network.natgw.CreateNatGateway;
import io.kumo.ec2.network.natgw.DeleteNatGateway;
import io.kumo.ec2.network.natgw.DescribeNatGateways;
import io.kumo.ec2.network.natgw.NatGatewayRecord;
import io.kumo.ec2.network.prefixlist.CreateManagedPrefixList;
import io.kumo.ec2.network.prefixlist.DeleteManagedPrefixList;
import io.kumo.ec2.network.prefixlist.DescribeManagedPrefixLists;
import io.kumo.ec2.network.prefixlist.DescribePrefixLists;
import io.kumo.ec2.network.prefixlist.GetManagedPrefixListEntries;
import io.kumo.ec2.network.prefixlist.ModifyManagedPrefixList;
import io.kumo.ec2.network.region.DescribeAccountAttributes;
import io.kumo.ec2.network.region.DescribeAvailabilityZones;
import io.kumo.ec2.network.region.DescribeRegions;
import io.kumo.ec2.network.region.RegionDefaults;
import io.kumo.ec2.network.routetable.AssociateRouteTable;
import io.kumo.ec2.network.routetable.CreateRoute;
import io.kumo.ec2.network.routetable.CreateRouteTable;
import io.kumo.ec2.network.routetable.DeleteRoute;
import io.kumo.ec2.network.routetable.DeleteRouteTable;
import io.kumo.ec2.network.routetable.DescribeRouteTables;
import io.kumo.ec2.network.routetable.DisassociateRouteTable;
import io.kumo.ec2.network.routetable.ReplaceRoute;
import io.kumo.ec2.network.routetable.ReplaceRouteTableAssociation;
import io.kumo.ec2.network.routetable.RouteTableViews;
import io.kumo.ec2.network.routetable.RouteTargets;
import io.kumo.ec2.network.sg.AuthorizeSecurityGroupEgress;
import io.kumo.ec2.network.sg.AuthorizeSecurityGroupIngress;
import io.kumo.ec2.network.sg.CreateSecurityGroup;
import io.kumo.ec2.network.sg.DeleteSecurityGroup;
import io.kumo.ec2.network.sg.DescribeSecurityGroupRules;
import io.kumo.ec2.network.sg.DescribeSecurityGroups;
import io.kumo.ec2.network.sg.ModifySecurityGroupRules;
import io.kumo.ec2.network.sg.RevokeSecurityGroupEgress;
import io.kumo.ec2.network.sg.RevokeSecurityGroupIngress;
import io.kumo.ec2.network.sg.UpdateSecurityGroupRuleDescriptionsEgress;
import io.kumo.ec2.network.sg.UpdateSecurityGroupRuleDescriptionsIngress;
import io.kumo.ec2.network.subnet.AssociateSubnetCidrBlock;
import io.kumo.ec2.network.subnet.CreateDefaultSubnet;
import io.kumo.ec2.network.subnet.DisassociateSubnetCidrBlock;
import io.kumo.ec2.network.subnet.CreateSubnet;
import io.kumo.ec2.network.subnet.DeleteSubnet;
import io.kumo.ec2.network.subnet.DescribeSubnets;
import io.kumo.ec2.network.subnet.ModifySubnetAttribute;
import io.kumo.ec2.network.subnet.SubnetAddressUsage;
import io.kumo.ec2.network.tag.CreateTags;
import io.kumo.ec2.network.tag.DeleteTags;
import io.kumo.ec2.network.tag.DescribeTags;
import io.kumo.ec2.network.vpc.AssociateVpcCidrBlock;
import io.kumo.ec2.network.vpc.AssociateDhcpOptions;
import io.kumo.ec2.network.vpc.CreateDefaultVpc;
import io.kumo.ec2.network.vpc.CreateDhcpOptions;
import io.kumo.ec2.network.vpc.DeleteDhcpOptions;
import io.kumo.ec2.network.vpc.CreateVpc;
import io.kumo.ec2.network.vpc.DeleteVpc;
import io.kumo.ec2.network.vpc.DescribeDhcpOptions;
import io.kumo.ec2.network.vpc.DescribeVpcAttribute;
import io.kumo.ec2.network.vpc.DescribeVpcs;
import io.kumo.ec2.network.vpc.DisassociateVpcCidrBlock;
import io.kumo.ec2.network.vpc.ModifyVpcAttribute;
import io.kumo.ec2.network.vpc.ModifyVpcTenancy;
import io.kumo.ec2.support.DependencyChecks;
import io.kumo.ec2.support.Ec2Registrar;
import io.kumo.ec2.support.ResourceKind;
import software.amazon.awssdk.services.ec2.model.*;

/** Regions and zones, VPCs, subnets, gateways, route tables, network ACLs, security groups, tags. */
public final class NetworkActions {
    private NetworkActions() {
    }

    public static void register(Ec2Registrar registrar) {
        for (ResourceKind kind : NetworkKinds.ALL) {
            registrar.kind(kind);
        }
        registrar.table(SubnetAddressUsage.TABLE);
        new RegionDefaults().install(registrar);

        DependencyChecks dependencies = registrar.dependencies();
        ComputeView compute = new ComputeView();
        RouteTargets targets = new RouteTargets(compute);
        RouteTableViews routeTables = new RouteTableViews(targets);

        registrar.action("DescribeRegions", DescribeRegionsRequest.class, new DescribeRegions());
        registrar.action("DescribeAvailabilityZones", DescribeAvailabilityZonesRequest.class, new DescribeAvailabilityZones());
        registrar.action("DescribeAccountAttributes", DescribeAccountAttributesRequest.class, new DescribeAccountAttributes());

        registrar.action("CreateVpc", CreateVpcRequest.class, new CreateVpc());
        registrar.action("DescribeVpcs", DescribeVpcsRequest.class, new DescribeVpcs());
        registrar.action("DeleteVpc", DeleteVpcRequest.class, new DeleteVpc(dependencies));
        registrar.action("ModifyVpcAttribute", ModifyVpcAttributeRequest.class, new ModifyVpcAttribute());
        registrar.action("DescribeVpcAttribute", DescribeVpcAttributeRequest.class, new DescribeVpcAttribute());
        registrar.action("AssociateVpcCidrBlock", AssociateVpcCidrBlockRequest.class, new AssociateVpcCidrBlock());
        registrar.action("DisassociateVpcCidrBlock", DisassociateVpcCidrBlockRequest.class, new DisassociateVpcCidrBlock());
        registrar.action("ModifyVpcTenancy", ModifyVpcTenancyRequest.class, new ModifyVpcTenancy());
        registrar.action("CreateDefaultVpc", CreateDefaultVpcRequest.class, new CreateDefaultVpc());
        registrar.action("CreateDefaultSubnet", CreateDefaultSubnetRequest.class, new CreateDefaultSubnet());
        registrar.action("CreateDhcpOptions", CreateDhcpOptionsRequest.class, new CreateDhcpOptions());
        registrar.action("AssociateDhcpOptions", AssociateDhcpOptionsRequest.class, new AssociateDhcpOptions());
        registrar.action("DeleteDhcpOptions", DeleteDhcpOptionsRequest.class, new DeleteDhcpOptions());
        registrar.action("DescribeDhcpOptions", DescribeDhcpOptionsRequest.class, new DescribeDhcpOptions());

        registrar.action("CreateSubnet", CreateSubnetRequest.class, new CreateSubnet());
        registrar.action("DescribeSubnets", DescribeSubnetsRequest.class, new DescribeSubnets());
        registrar.action("DeleteSubnet", DeleteSubnetRequest.class, new DeleteSubnet(dependencies));
        registrar.action("AssociateSubnetCidrBlock", AssociateSubnetCidrBlockRequest.class, new AssociateSubnetCidrBlock());
        registrar.action("DisassociateSubnetCidrBlock", DisassociateSubnetCidrBlockRequest.class, new DisassociateSubnetCidrBlock());
        registrar.action("ModifySubnetAttribute", ModifySubnetAttributeRequest.class, new ModifySubnetAttribute());

        registrar.action("CreateInternetGateway", CreateInternetGatewayRequest.class, new CreateInternetGateway());
        registrar.action("AttachInternetGateway", AttachInternetGatewayRequest.class, new AttachInternetGateway());
        registrar.action("DetachInternetGateway", DetachInternetGatewayRequest.class, new DetachInternetGateway(dependencies));
        registrar.action("DeleteInternetGateway", DeleteInternetGatewayRequest.class, new DeleteInternetGateway());
        registrar.action("DescribeInternetGateways", DescribeInternetGatewaysRequest.class, new DescribeInternetGateways());

        registrar.action("CreateRouteTable", CreateRouteTableRequest.class, new CreateRouteTable(routeTables));
        registrar.action("DeleteRouteTable", DeleteRouteTableRequest.class, new DeleteRouteTable());
        registrar.action("DescribeRouteTables", DescribeRouteTablesRequest.class, new DescribeRouteTables(routeTables));
        registrar.action("CreateRoute", CreateRouteRequest.class, new CreateRoute(targets));
        registrar.action("ReplaceRoute", ReplaceRouteRequest.class, new ReplaceRoute(targets));
        registrar.action("DeleteRoute", DeleteRouteRequest.class, new DeleteRoute());
        registrar.action("AssociateRouteTable", AssociateRouteTableRequest.class, new AssociateRouteTable());
        registrar.action("DisassociateRouteTable", DisassociateRouteTableRequest.class, new DisassociateRouteTable());
        registrar.action("ReplaceRouteTableAssociation", ReplaceRouteTableAssociationRequest.class, new ReplaceRouteTableAssociation());

        registrar.action("CreateSecurityGroup", CreateSecurityGroupRequest.class, new CreateSecurityGroup());
        registrar.action("DeleteSecurityGroup", DeleteSecurityGroupRequest.class, new DeleteSecurityGroup(dependencies));
        registrar.action("DescribeSecurityGroups", DescribeSecurityGroupsRequest.class, new DescribeSecurityGroups());
        registrar.action("AuthorizeSecurityGroupIngress", AuthorizeSecurityGroupIngressRequest.class, new AuthorizeSecurityGroupIngress());
        registrar.action("AuthorizeSecurityGroupEgress", AuthorizeSecurityGroupEgressRequest.class, new AuthorizeSecurityGroupEgress());
        registrar.action("RevokeSecurityGroupIngress", RevokeSecurityGroupIngressRequest.class, new RevokeSecurityGroupIngress());
        registrar.action("RevokeSecurityGroupEgress", RevokeSecurityGroupEgressRequest.class, new RevokeSecurityGroupEgress());
        registrar.action("DescribeSecurityGroupRules", DescribeSecurityGroupRulesRequest.class, new DescribeSecurityGroupRules());
        registrar.action("ModifySecurityGroupRules", ModifySecurityGroupRulesRequest.class, new ModifySecurityGroupRules());
        registrar.action("UpdateSecurityGroupRuleDescriptionsIngress", UpdateSecurityGroupRuleDescriptionsIngressRequest.class,
                new UpdateSecurityGroupRuleDescriptionsIngress());
        registrar.action("UpdateSecurityGroupRuleDescriptionsEgress", UpdateSecurityGroupRuleDescriptionsEgressRequest.class,
                new UpdateSecurityGroupRuleDescriptionsEgress());

        registrar.action("CreateNetworkAcl", CreateNetworkAclRequest.class, new CreateNetworkAcl());
        registrar.action("DeleteNetworkAcl", DeleteNetworkAclRequest.class, new DeleteNetworkAcl());
        registrar.action("DescribeNetworkAcls", DescribeNetworkAclsRequest.class, new DescribeNetworkAcls());
        registrar.action("CreateNetworkAclEntry", CreateNetworkAclEntryRequest.class, new CreateNetworkAclEntry());
        registrar.action("ReplaceNetworkAclEntry", ReplaceNetworkAclEntryRequest.class, new ReplaceNetworkAclEntry());
        registrar.action("DeleteNetworkAclEntry", DeleteNetworkAclEntryRequest.class, new DeleteNetworkAclEntry());
        registrar.action("ReplaceNetworkAclAssociation", ReplaceNetworkAclAssociationRequest.class, new ReplaceNetworkAclAssociation());

        registrar.action("CreateNatGateway", CreateNatGatewayRequest.class, new CreateNatGateway(compute));
        registrar.action("DescribeNatGateways", DescribeNatGatewaysRequest.class, new DescribeNatGateways());
        registrar.action("DeleteNatGateway", DeleteNatGatewayRequest.class, new DeleteNatGateway());
        dependencies.register((tx, id) -> tx.list(NatGatewayRecord.TABLE).stream()
                .filter(n -> !n.gone() && (id.equals(n.allocationId()) || id.equals(n.subnetId())))
                .map(NatGatewayRecord::natGatewayId).findFirst());

        registrar.action("DescribeManagedPrefixLists", DescribeManagedPrefixListsRequest.class, new DescribeManagedPrefixLists());
        registrar.action("GetManagedPrefixListEntries", GetManagedPrefixListEntriesRequest.class, new GetManagedPrefixListEntries());
        registrar.action("CreateManagedPrefixList", CreateManagedPrefixListRequest.class, new CreateManagedPrefixList());
        registrar.action("ModifyManagedPrefixList", ModifyManagedPrefixListRequest.class, new ModifyManagedPrefixList());
        registrar.action("DeleteManagedPrefixList", DeleteManagedPrefixListRequest.class, new DeleteManagedPrefixList());
        registrar.action("DescribePrefixLists", DescribePrefixListsRequest.class, new DescribePrefixLists());

        registrar.action("CreateTags", CreateTagsRequest.class, new CreateTags(registrar.kinds()));
        registrar.action("DeleteTags", DeleteTagsRequest.class, new DeleteTags(registrar.kinds()));
        registrar.action("DescribeTags", DescribeTagsRequest.class, new DescribeTags());
    }
}
