package io.kumo.ec2.network.subnet;

import io.kumo.core.store.Tx;
import io.kumo.ec2.support.Filters;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.PrivateDnsNameOptionsOnLaunch;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.SubnetCidrBlockState;
import software.amazon.awssdk.services.ec2.model.SubnetIpv6CidrBlockAssociation;

import java.util.List;

/** Subnets as DescribeSubnets shows them, and the filters it takes. */
public final class Subnets {
    private Subnets() {
    }

    public static Subnet toSdk(Tx tx, SubnetRecord s, String region) {
        return Subnet.builder()
                .subnetId(s.subnetId())
                .subnetArn(s.arn(region))
                .vpcId(s.vpcId())
                .ownerId(s.ownerId())
                .cidrBlock(s.cidrBlock())
                .availabilityZone(s.availabilityZone())
                .availabilityZoneId(s.availabilityZoneId())
                .availableIpAddressCount((int) SubnetAddresses.availableCount(tx, s))
                .defaultForAz(s.defaultForAz())
                .mapPublicIpOnLaunch(s.mapPublicIpOnLaunch())
                .mapCustomerOwnedIpOnLaunch(false)
                .state(s.state())
                .assignIpv6AddressOnCreation(s.assignIpv6AddressOnCreation())
                .ipv6CidrBlockAssociationSet(s.ipv6CidrBlockAssociations().stream().map(Subnets::toSdk).toList())
                .enableDns64(s.enableDns64())
                .ipv6Native(false)
                .privateDnsNameOptionsOnLaunch(PrivateDnsNameOptionsOnLaunch.builder()
                        .hostnameType(s.hostnameType())
                        .enableResourceNameDnsARecord(s.enableResourceNameDnsARecord())
                        .enableResourceNameDnsAAAARecord(s.enableResourceNameDnsAaaaRecord())
                        .build())
                .tags(Tags.sdkTags(tx, s.subnetId()))
                .build();
    }

    public static SubnetIpv6CidrBlockAssociation toSdk(SubnetRecord.Ipv6BlockAssociation a) {
        return SubnetIpv6CidrBlockAssociation.builder()
                .associationId(a.associationId())
                .ipv6CidrBlock(a.ipv6CidrBlock())
                .ipv6CidrBlockState(SubnetCidrBlockState.builder().state(a.state()).build())
                .build();
    }

    public static Filters<SubnetRecord> filters(Tx tx, String region) {
        return Filters.<SubnetRecord>forType(s -> Tags.of(tx, s.subnetId()))
                .one("availability-zone", SubnetRecord::availabilityZone)
                .one("availabilityZone", SubnetRecord::availabilityZone)
                .one("availability-zone-id", SubnetRecord::availabilityZoneId)
                .one("availabilityZoneId", SubnetRecord::availabilityZoneId)
                .one("available-ip-address-count", s -> SubnetAddresses.availableCount(tx, s))
                .one("cidr-block", SubnetRecord::cidrBlock)
                .one("cidr", SubnetRecord::cidrBlock)
                .one("cidrBlock", SubnetRecord::cidrBlock)
                .one("default-for-az", SubnetRecord::defaultForAz)
                .one("defaultForAz", SubnetRecord::defaultForAz)
                .one("enable-dns64", SubnetRecord::enableDns64)
                .one("ipv6-native", s -> false)
                .one("map-public-ip-on-launch", SubnetRecord::mapPublicIpOnLaunch)
                .one("map-customer-owned-ip-on-launch", s -> false)
                .one("owner-id", SubnetRecord::ownerId)
                .one("private-dns-name-options-on-launch.hostname-type", SubnetRecord::hostnameType)
                .one("private-dns-name-options-on-launch.enable-resource-name-dns-a-record", SubnetRecord::enableResourceNameDnsARecord)
                .one("private-dns-name-options-on-launch.enable-resource-name-dns-aaaa-record", SubnetRecord::enableResourceNameDnsAaaaRecord)
                .one("state", SubnetRecord::state)
                .one("subnet-arn", s -> s.arn(region))
                .one("subnet-id", SubnetRecord::subnetId)
                .one("vpc-id", SubnetRecord::vpcId)
                .many("ipv6-cidr-block-association.ipv6-cidr-block", s -> List.copyOf(s.ipv6Blocks()))
                .many("ipv6-cidr-block-association.association-id",
                        s -> s.ipv6CidrBlockAssociations().stream().map(SubnetRecord.Ipv6BlockAssociation::associationId).toList())
                .many("ipv6-cidr-block-association.state",
                        s -> s.ipv6CidrBlockAssociations().stream().map(SubnetRecord.Ipv6BlockAssociation::state).toList());
    }
}
