package io.kumo.ec2.network.subnet;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.regions.Zone;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.region.DefaultVpc;
import io.kumo.ec2.network.region.RegionDefaults;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.CreateDefaultSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateDefaultSubnetResponse;

/** A default /20 subnet in a zone of the default VPC that has none. */
public final class CreateDefaultSubnet implements Handler<CreateDefaultSubnetRequest, CreateDefaultSubnetResponse> {

    @Override
    public CreateDefaultSubnetResponse handle(RequestContext ctx, CreateDefaultSubnetRequest in) {
        if (Boolean.TRUE.equals(in.ipv6Native())) {
            throw Ec2Errors.invalidParameterValue("IPv6-only subnets are not available in Kumo.");
        }
        if (in.availabilityZone() == null && in.availabilityZoneId() == null) {
            throw Ec2Errors.missingParameter("availabilityZone");
        }
        Zone zone = CreateSubnet.zone(ctx.region(), in.availabilityZone(), in.availabilityZoneId());
        return ctx.write(tx -> {
            String vpcId = DefaultVpc.vpcId(tx).orElseThrow(() -> AwsException.badRequest("DefaultVpcDoesNotExist",
                    "No default VPC exists for this account in this region."));
            DefaultVpc.defaultSubnet(tx, zone.name()).ifPresent(existing -> {
                throw AwsException.badRequest("DefaultSubnetAlreadyExistsInAvailabilityZone",
                        "'" + existing.subnetId() + "' is already the default subnet in " + zone.name() + ".");
            });
            String cidr = RegionDefaults.freeDefaultSubnetBlock(tx.list(SubnetRecord.TABLE).stream()
                    .filter(s -> s.vpcId().equals(vpcId)).map(SubnetRecord::cidr).toList())
                    .orElseThrow(() -> AwsException.badRequest("InsufficientFreeAddressesInSubnet",
                            "The default VPC has no free /20 block left for a default subnet."));
            SubnetRecord subnet = SubnetSetup.create(tx, vpcId, ctx.accountId(), cidr, zone, true, null, ctx.receivedAt());
            return CreateDefaultSubnetResponse.builder().subnet(Subnets.toSdk(tx, subnet, ctx.region())).build();
        });
    }
}
