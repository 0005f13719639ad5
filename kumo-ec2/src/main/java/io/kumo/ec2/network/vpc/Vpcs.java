package io.kumo.ec2.network.vpc;

import io.kumo.core.store.Tx;
import io.kumo.ec2.support.Filters;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockState;
import software.amazon.awssdk.services.ec2.model.VpcIpv6CidrBlockAssociation;

import java.util.List;

/** VPCs as DescribeVpcs shows them, and the filters it takes. */
public final class Vpcs {
    private Vpcs() {
    }

    public static Vpc toSdk(VpcRecord v, List<Tag> tags) {
        return Vpc.builder()
                .vpcId(v.vpcId())
                .ownerId(v.ownerId())
                .cidrBlock(v.cidrBlock())
                .state(v.state())
                .dhcpOptionsId(v.dhcpOptionsId())
                .instanceTenancy(v.instanceTenancy())
                .isDefault(v.isDefault())
                .cidrBlockAssociationSet(v.cidrBlockAssociations().stream().map(Vpcs::toSdk).toList())
                .ipv6CidrBlockAssociationSet(v.ipv6CidrBlockAssociations().stream().map(Vpcs::toSdk).toList())
                .tags(tags)
                .build();
    }

    public static VpcCidrBlockAssociation toSdk(VpcRecord.CidrBlockAssociation a) {
        return VpcCidrBlockAssociation.builder()
                .associationId(a.associationId())
                .cidrBlock(a.cidrBlock())
                .cidrBlockState(VpcCidrBlockState.builder().state(a.state()).build())
                .build();
    }

    public static VpcIpv6CidrBlockAssociation toSdk(VpcRecord.Ipv6BlockAssociation a) {
        return VpcIpv6CidrBlockAssociation.builder()
                .associationId(a.associationId())
                .ipv6CidrBlock(a.ipv6CidrBlock())
                .ipv6CidrBlockState(VpcCidrBlockState.builder().state(a.state()).build())
                .ipv6Pool(a.ipv6Pool())
                .networkBorderGroup(a.networkBorderGroup())
                .build();
    }

    public static Filters<VpcRecord> filters(Tx tx) {
        return Filters.<VpcRecord>forType(v -> Tags.of(tx, v.vpcId()))
                .one("cidr", VpcRecord::cidrBlock)
                .many("cidr-block-association.cidr-block", v -> List.copyOf(v.ipv4Blocks()))
                .many("cidr-block-association.association-id",
                        v -> v.cidrBlockAssociations().stream().map(VpcRecord.CidrBlockAssociation::associationId).toList())
                .many("cidr-block-association.state",
                        v -> v.cidrBlockAssociations().stream().map(VpcRecord.CidrBlockAssociation::state).toList())
                .many("ipv6-cidr-block-association.ipv6-cidr-block", v -> List.copyOf(v.ipv6Blocks()))
                .many("ipv6-cidr-block-association.association-id",
                        v -> v.ipv6CidrBlockAssociations().stream().map(VpcRecord.Ipv6BlockAssociation::associationId).toList())
                .many("ipv6-cidr-block-association.state",
                        v -> v.ipv6CidrBlockAssociations().stream().map(VpcRecord.Ipv6BlockAssociation::state).toList())
                .many("ipv6-cidr-block-association.ipv6-pool",
                        v -> v.ipv6CidrBlockAssociations().stream().map(VpcRecord.Ipv6BlockAssociation::ipv6Pool).toList())
                .one("dhcp-options-id", VpcRecord::dhcpOptionsId)
                .one("is-default", VpcRecord::isDefault)
                .one("owner-id", VpcRecord::ownerId)
                .one("state", VpcRecord::state)
                .one("vpc-id", VpcRecord::vpcId);
    }
}
