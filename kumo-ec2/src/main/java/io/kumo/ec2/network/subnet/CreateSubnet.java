package io.kumo.ec2.network.subnet;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.net.CidrBlocks;
import io.kumo.core.net.Ipv4Cidr;
import io.kumo.core.net.Ipv6Cidr;
import io.kumo.core.regions.Region;
import io.kumo.core.regions.Regions;
import io.kumo.core.regions.Zone;
import io.kumo.core.service.Handler;
import io.kumo.core.store.Tx;
import io.kumo.ec2.network.Cidrs;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.vpc.VpcRecord;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetResponse;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A subnet of /16 to /28 inside one of its VPC's blocks, overlapping no other subnet, in a zone
 * named by name or id (the region's first zone when neither is given).
 */
public final class CreateSubnet implements Handler<CreateSubnetRequest, CreateSubnetResponse> {

    @Override
    public CreateSubnetResponse handle(RequestContext ctx, CreateSubnetRequest in) {
        if (Boolean.TRUE.equals(in.ipv6Native())) {
            throw Ec2Errors.invalidParameterValue("IPv6-only subnets are not available in Kumo.");
        }
        if (in.ipv4IpamPoolId() != null || in.ipv6IpamPoolId() != null) {
            throw Ec2Errors.invalidParameterValue("IPAM pools are not available in Kumo.");
        }
        if (in.cidrBlock() == null) {
            throw Ec2Errors.missingParameter("cidrBlock");
        }
        Ipv4Cidr cidr = Cidrs.ipv4(in.cidrBlock(), "cidrBlock");
        Zone zone = zone(ctx.region(), in.availabilityZone(), in.availabilityZoneId());
        return ctx.write(tx -> {
            VpcRecord vpc = Lookups.require(tx, NetworkKinds.VPC, in.vpcId());
            requireRange(tx, vpc, cidr);
            String ipv6 = in.ipv6CidrBlock() == null ? null : ipv6Block(tx, vpc, in.ipv6CidrBlock());
            SubnetRecord subnet = SubnetSetup.create(tx, vpc.vpcId(), ctx.accountId(), cidr.toString(), zone, false, ipv6,
                    ctx.receivedAt());
            Tags.applySpecifications(tx, subnet.subnetId(), "subnet", in.tagSpecifications(), List.of("subnet"));
            return CreateSubnetResponse.builder().subnet(Subnets.toSdk(tx, subnet, ctx.region())).build();
        });
    }

    static Zone zone(String regionName, String zoneName, String zoneId) {
        Region region = Regions.find(regionName)
                .orElseThrow(() -> Ec2Errors.invalidParameterValue("Invalid region: " + regionName));
        if (zoneName != null && zoneId != null) {
            throw Ec2Errors.invalidParameterCombination("The parameter availabilityZone cannot be used with the parameter availabilityZoneId");
        }
        if (zoneName != null) {
            return region.zone(zoneName).orElseThrow(() -> Ec2Errors.invalidParameterValue("Value (" + zoneName
                    + ") for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: "
                    + region.zones().stream().map(Zone::name).collect(Collectors.joining(", ")) + "."));
        }
        if (zoneId != null) {
            return region.zoneById(zoneId).orElseThrow(() -> Ec2Errors.invalidParameterValue("Value (" + zoneId
                    + ") for parameter availabilityZoneId is invalid. Subnets can currently only be created in the following availability zones: "
                    + region.zones().stream().map(Zone::zoneId).collect(Collectors.joining(", ")) + "."));
        }
        return region.zones().getFirst();
    }

    private static void requireRange(Tx tx, VpcRecord vpc, Ipv4Cidr cidr) {
        boolean inside = vpc.ipv4Blocks().stream().map(Ipv4Cidr::parse).anyMatch(b -> b.contains(cidr));
        if (!CidrBlocks.hasAllowedVpcSize(cidr) || !inside) {
            throw AwsException.badRequest("InvalidSubnet.Range", "The CIDR '" + cidr + "' is invalid.");
        }
        boolean conflict = tx.list(SubnetRecord.TABLE).stream()
                .anyMatch(s -> s.vpcId().equals(vpc.vpcId()) && s.cidr().overlaps(cidr));
        if (conflict) {
            throw AwsException.badRequest("InvalidSubnet.Conflict", "The CIDR '" + cidr + "' conflicts with another subnet");
        }
    }

    static String ipv6Block(Tx tx, VpcRecord vpc, String requested) {
        Ipv6Cidr block = Cidrs.ipv6(requested, "ipv6CidrBlock");
        boolean inside = vpc.ipv6Blocks().stream().map(Ipv6Cidr::parse).anyMatch(b -> b.contains(block));
        if (block.prefixLength() != 64 || !inside) {
            throw AwsException.badRequest("InvalidSubnet.Range", "The CIDR '" + block + "' is invalid.");
        }
        boolean conflict = tx.list(SubnetRecord.TABLE).stream()
                .filter(s -> s.vpcId().equals(vpc.vpcId()))
                .flatMap(s -> s.ipv6Blocks().stream())
                .map(Ipv6Cidr::parse)
                .anyMatch(b -> b.overlaps(block));
        if (conflict) {
            throw AwsException.badRequest("InvalidSubnet.Conflict", "The CIDR '" + block + "' conflicts with another subnet");
        }
        return block.toString();
    }
}
