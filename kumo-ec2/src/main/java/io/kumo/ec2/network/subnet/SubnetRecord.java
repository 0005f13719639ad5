package io.kumo.ec2.network.subnet;

import io.kumo.core.net.Ipv4Cidr;
import io.kumo.core.store.Table;

import java.time.Instant;
import java.util.List;

/**
 * A subnet as stored. How many addresses are free is not kept here: {@link SubnetAddresses}
 * derives it from the addresses in use.
 */
public record SubnetRecord(
        String subnetId,
        String vpcId,
        String ownerId,
        String cidrBlock,
        String availabilityZone,
        String availabilityZoneId,
        boolean mapPublicIpOnLaunch,
        boolean defaultForAz,
        String state,
        List<Ipv6BlockAssociation> ipv6CidrBlockAssociations,
        boolean assignIpv6AddressOnCreation,
        boolean enableDns64,
        String hostnameType,
        boolean enableResourceNameDnsARecord,
        boolean enableResourceNameDnsAaaaRecord,
        Instant createdAt) {

    public static final Table<SubnetRecord> TABLE = Table.regional("ec2.subnets", SubnetRecord.class);

    public SubnetRecord {
        ipv6CidrBlockAssociations = List.copyOf(ipv6CidrBlockAssociations);
    }

    /** An IPv6 /64 of the subnet ("subnet-cidr-assoc-..."). */
    public record Ipv6BlockAssociation(String associationId, String ipv6CidrBlock, String state) {
    }

    public Ipv4Cidr cidr() {
        return Ipv4Cidr.parse(cidrBlock);
    }

    public List<String> ipv6Blocks() {
        return ipv6CidrBlockAssociations.stream().map(Ipv6BlockAssociation::ipv6CidrBlock).toList();
    }

    public String arn(String region) {
        return "arn:aws:ec2:" + region + ":" + ownerId + ":subnet/" + subnetId;
    }

    public SubnetRecord withMapPublicIpOnLaunch(boolean value) {
        return new SubnetRecord(subnetId, vpcId, ownerId, cidrBlock, availabilityZone, availabilityZoneId, value, defaultForAz,
                state, ipv6CidrBlockAssociations, assignIpv6AddressOnCreation, enableDns64, hostnameType,
                enableResourceNameDnsARecord, enableResourceNameDnsAaaaRecord, createdAt);
    }

    public SubnetRecord withAssignIpv6AddressOnCreation(boolean value) {
        return new SubnetRecord(subnetId, vpcId, ownerId, cidrBlock, availabilityZone, availabilityZoneId, mapPublicIpOnLaunch,
                defaultForAz, state, ipv6CidrBlockAssociations, value, enableDns64, hostnameType,
                enableResourceNameDnsARecord, enableResourceNameDnsAaaaRecord, createdAt);
    }

    public SubnetRecord withEnableDns64(boolean value) {
        return new SubnetRecord(subnetId, vpcId, ownerId, cidrBlock, availabilityZone, availabilityZoneId, mapPublicIpOnLaunch,
                defaultForAz, state, ipv6CidrBlockAssociations, assignIpv6AddressOnCreation, value, hostnameType,
                enableResourceNameDnsARecord, enableResourceNameDnsAaaaRecord, createdAt);
    }

    public SubnetRecord withHostnameOptions(String type, boolean aRecord, boolean aaaaRecord) {
        return new SubnetRecord(subnetId, vpcId, ownerId, cidrBlock, availabilityZone, availabilityZoneId, mapPublicIpOnLaunch,
                defaultForAz, state, ipv6CidrBlockAssociations, assignIpv6AddressOnCreation, enableDns64, type,
                aRecord, aaaaRecord, createdAt);
    }

    public SubnetRecord withIpv6CidrBlockAssociations(List<Ipv6BlockAssociation> associations) {
        return new SubnetRecord(subnetId, vpcId, ownerId, cidrBlock, availabilityZone, availabilityZoneId, mapPublicIpOnLaunch,
                defaultForAz, state, associations, assignIpv6AddressOnCreation, enableDns64, hostnameType,
                enableResourceNameDnsARecord, enableResourceNameDnsAaaaRecord, createdAt);
    }
}
