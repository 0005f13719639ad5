package io.kumo.ec2.network.vpc;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.net.CidrBlocks;
import io.kumo.core.net.Ipv4Cidr;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Cidrs;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;

import java.util.List;

/** A VPC of /16 to /28 with its main route table, default security group and default network ACL. */
public final class CreateVpc implements Handler<CreateVpcRequest, CreateVpcResponse> {

    @Override
    public CreateVpcResponse handle(RequestContext ctx, CreateVpcRequest in) {
        if (in.cidrBlock() == null) {
            throw AwsException.badRequest("MissingParameter", "Either 'cidrBlock' or 'ipv4IpamPoolId' should be provided.");
        }
        if (in.ipv4IpamPoolId() != null || in.ipv6IpamPoolId() != null || in.ipv6Pool() != null || in.ipv6CidrBlock() != null) {
            throw Ec2Errors.invalidParameterValue("IPAM and BYOIP pools are not available in Kumo; use AmazonProvidedIpv6CidrBlock.");
        }
        Ipv4Cidr cidr = Cidrs.ipv4(in.cidrBlock(), "cidrBlock");
        requireVpcSize(cidr);
        String tenancy = tenancy(in.instanceTenancyAsString());
        boolean ipv6 = Boolean.TRUE.equals(in.amazonProvidedIpv6CidrBlock());
        if (in.ipv6CidrBlockNetworkBorderGroup() != null && !ipv6) {
            throw Ec2Errors.invalidParameterCombination("The parameter ipv6CidrBlockNetworkBorderGroup requires amazonProvidedIpv6CidrBlock.");
        }
        if (in.ipv6CidrBlockNetworkBorderGroup() != null && !in.ipv6CidrBlockNetworkBorderGroup().equals(ctx.region())) {
            throw Ec2Errors.invalidParameterValue("Invalid network border group: " + in.ipv6CidrBlockNetworkBorderGroup());
        }
        return ctx.write(tx -> {
            String v6 = ipv6 ? Ipv6Pool.allocateVpcBlock(tx, ctx.region()) : null;
            VpcRecord vpc = VpcSetup.create(tx, ctx.region(), ctx.accountId(), cidr.toString(), tenancy, false, v6, ctx.receivedAt());
            Tags.applySpecifications(tx, vpc.vpcId(), "vpc", in.tagSpecifications(), List.of("vpc"));
            return CreateVpcResponse.builder().vpc(Vpcs.toSdk(vpc, Tags.sdkTags(tx, vpc.vpcId()))).build();
        });
    }

    static void requireVpcSize(Ipv4Cidr cidr) {
        if (!CidrBlocks.hasAllowedVpcSize(cidr)) {
            throw AwsException.badRequest("InvalidVpc.Range", "The CIDR '" + cidr + "' is invalid.");
        }
    }

    static String tenancy(String requested) {
        if (requested == null || requested.equals(VpcSetup.TENANCY_DEFAULT)) {
            return VpcSetup.TENANCY_DEFAULT;
        }
        if (requested.equals(VpcSetup.TENANCY_DEDICATED)) {
            return VpcSetup.TENANCY_DEDICATED;
        }
        throw AwsException.badRequest("UnsupportedTenancy", "The tenancy value " + requested + " is not supported.");
    }
}
