package io.kumo.ec2.network.vpc;

import io.kumo.core.store.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A VPC as stored. {@code cidrBlockAssociations} holds every associated IPv4 block, the primary
 * ({@code cidrBlock}) first; a block leaves the list when it is disassociated.
 */
public record VpcRecord(
        String vpcId,
        String ownerId,
        String cidrBlock,
        List<CidrBlockAssociation> cidrBlockAssociations,
        List<Ipv6BlockAssociation> ipv6CidrBlockAssociations,
        boolean isDefault,
        String state,
        String instanceTenancy,
        String dhcpOptionsId,
        boolean enableDnsSupport,
        boolean enableDnsHostnames,
        boolean enableNetworkAddressUsageMetrics,
        Instant createdAt) {

    public static final Table<VpcRecord> TABLE = Table.regional("ec2.vpcs", VpcRecord.class);

    public static final String AVAILABLE = "available";
    public static final String ASSOCIATED = "associated";

    public VpcRecord {
        cidrBlockAssociations = List.copyOf(cidrBlockAssociations);
        ipv6CidrBlockAssociations = List.copyOf(ipv6CidrBlockAssociations);
    }

    /** An IPv4 block of the VPC with the id AssociateVpcCidrBlock gave it ("vpc-cidr-assoc-..."). */
    public record CidrBlockAssociation(String associationId, String cidrBlock, String state) {
    }

    /** An IPv6 block; {@code ipv6Pool} is "Amazon" for Amazon-provided blocks. */
    public record Ipv6BlockAssociation(String associationId, String ipv6CidrBlock, String state,
                                       String ipv6Pool, String networkBorderGroup) {
    }

    /** The IPv4 blocks, primary first. */
    public List<String> ipv4Blocks() {
        return cidrBlockAssociations.stream().map(CidrBlockAssociation::cidrBlock).toList();
    }

    public List<String> ipv6Blocks() {
        return ipv6CidrBlockAssociations.stream().map(Ipv6BlockAssociation::ipv6CidrBlock).toList();
    }

    public VpcRecord withCidrBlockAssociations(List<CidrBlockAssociation> associations) {
        return new VpcRecord(vpcId, ownerId, cidrBlock, associations, ipv6CidrBlockAssociations, isDefault, state,
                instanceTenancy, dhcpOptionsId, enableDnsSupport, enableDnsHostnames, enableNetworkAddressUsageMetrics, createdAt);
    }

    public VpcRecord withIpv6CidrBlockAssociations(List<Ipv6BlockAssociation> associations) {
        return new VpcRecord(vpcId, ownerId, cidrBlock, cidrBlockAssociations, associations, isDefault, state,
                instanceTenancy, dhcpOptionsId, enableDnsSupport, enableDnsHostnames, enableNetworkAddressUsageMetrics, createdAt);
    }

    public VpcRecord withAddedCidrBlock(CidrBlockAssociation association) {
        List<CidrBlockAssociation> all = new ArrayList<>(cidrBlockAssociations);
        all.add(association);
        return withCidrBlockAssociations(all);
    }

    public VpcRecord withDns(boolean support, boolean hostnames) {
        return new VpcRecord(vpcId, ownerId, cidrBlock, cidrBlockAssociations, ipv6CidrBlockAssociations, isDefault, state,
                instanceTenancy, dhcpOptionsId, support, hostnames, enableNetworkAddressUsageMetrics, createdAt);
    }

    public VpcRecord withNetworkAddressUsageMetrics(boolean enabled) {
        return new VpcRecord(vpcId, ownerId, cidrBlock, cidrBlockAssociations, ipv6CidrBlockAssociations, isDefault, state,
                instanceTenancy, dhcpOptionsId, enableDnsSupport, enableDnsHostnames, enabled, createdAt);
    }

    public VpcRecord withInstanceTenancy(String tenancy) {
        return new VpcRecord(vpcId, ownerId, cidrBlock, cidrBlockAssociations, ipv6CidrBlockAssociations, isDefault, state,
                tenancy, dhcpOptionsId, enableDnsSupport, enableDnsHostnames, enableNetworkAddressUsageMetrics, createdAt);
    }

    public VpcRecord withDhcpOptionsId(String id) {
        return new VpcRecord(vpcId, ownerId, cidrBlock, cidrBlockAssociations, ipv6CidrBlockAssociations, isDefault, state,
                instanceTenancy, id, enableDnsSupport, enableDnsHostnames, enableNetworkAddressUsageMetrics, createdAt);
    }
}
