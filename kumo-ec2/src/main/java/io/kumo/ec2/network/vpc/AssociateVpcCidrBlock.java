package io.kumo.ec2.network.vpc;

import io.kumo.core.AwsException;
import io.kumo.core.Ids;
import io.kumo.core.RequestContext;
import io.kumo.core.net.Ipv4Cidr;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Cidrs;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.nacl.NetworkAcls;
import io.kumo.ec2.network.routetable.RouteTables;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.AssociateVpcCidrBlockRequest;
import software.amazon.awssdk.services.ec2.model.AssociateVpcCidrBlockResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds a secondary IPv4 block (same sizes as a VPC, no overlap, not a restricted range, at most
 * five blocks) or an Amazon-provided IPv6 /56. Every route table of the VPC gains its local route.
 */
public final class AssociateVpcCidrBlock implements Handler<AssociateVpcCidrBlockRequest, AssociateVpcCidrBlockResponse> {
    private static final String RESTRICTED_ADVICE = " is restricted. Use a CIDR from the same private address range as the current"
            + " VPC CIDR, or use a publicly-routable CIDR. For additional restrictions, see"
            + " https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html";

    @Override
    public AssociateVpcCidrBlockResponse handle(RequestContext ctx, AssociateVpcCidrBlockRequest in) {
        boolean ipv6 = Boolean.TRUE.equals(in.amazonProvidedIpv6CidrBlock());
        if (in.ipv4IpamPoolId() != null || in.ipv6IpamPoolId() != null || in.ipv6Pool() != null || in.ipv6CidrBlock() != null) {
            throw Ec2Errors.invalidParameterValue("IPAM and BYOIP pools are not available in Kumo; use AmazonProvidedIpv6CidrBlock.");
        }
        if (ipv6 == (in.cidrBlock() != null)) {
            throw Ec2Errors.invalidParameterCombination(ipv6
                    ? "The parameter cidrBlock cannot be used with the parameter amazonProvidedIpv6CidrBlock"
                    : "Either 'cidrBlock' or 'amazonProvidedIpv6CidrBlock' should be provided.");
        }
        return ctx.write(tx -> {
            VpcRecord vpc = Lookups.require(tx, NetworkKinds.VPC, in.vpcId());
            var out = AssociateVpcCidrBlockResponse.builder().vpcId(vpc.vpcId());
            if (ipv6) {
                if (!vpc.ipv6CidrBlockAssociations().isEmpty()) {
                    throw AwsException.badRequest("CidrLimitExceeded",
                            "This network '" + vpc.vpcId() + "' has met its maximum number of allowed CIDRs: 1");
                }
                String block = Ipv6Pool.allocateVpcBlock(tx, ctx.region());
                var association = new VpcRecord.Ipv6BlockAssociation(Ids.ec2("vpc-cidr-assoc"), block, VpcRecord.ASSOCIATED,
                        Ipv6Pool.AMAZON_POOL, ctx.region());
                tx.put(VpcRecord.TABLE, vpc.vpcId(), vpc.withIpv6CidrBlockAssociations(List.of(association)));
                RouteTables.addLocalRoutes(tx, vpc.vpcId(), block, true);
                NetworkAcls.addIpv6Rules(tx, vpc.vpcId());
                return out.ipv6CidrBlockAssociation(Vpcs.toSdk(new VpcRecord.Ipv6BlockAssociation(association.associationId(),
                        block, "associating", association.ipv6Pool(), association.networkBorderGroup()))).build();
            }
            Ipv4Cidr cidr = Cidrs.ipv4(in.cidrBlock(), "cidrBlock");
            CreateVpc.requireVpcSize(cidr);
            List<Ipv4Cidr> existing = new ArrayList<>();
            vpc.ipv4Blocks().forEach(b -> existing.add(Ipv4Cidr.parse(b)));
            if (existing.stream().anyMatch(cidr::overlaps)) {
                throw AwsException.badRequest("InvalidVpc.Range",
                        "The CIDR '" + cidr + "' conflicts with another CIDR block in the VPC.");
            }
            if (VpcCidrRules.restricted(Ipv4Cidr.parse(vpc.cidrBlock()), existing, cidr)) {
                throw AwsException.badRequest("InvalidVpc.Range", "The CIDR '" + cidr + "'" + RESTRICTED_ADVICE);
            }
            if (existing.size() >= VpcCidrRules.MAX_IPV4_BLOCKS) {
                throw AwsException.badRequest("CidrLimitExceeded", "This network '" + vpc.vpcId()
                        + "' has met its maximum number of allowed CIDRs: " + VpcCidrRules.MAX_IPV4_BLOCKS);
            }
            var association = new VpcRecord.CidrBlockAssociation(Ids.ec2("vpc-cidr-assoc"), cidr.toString(), VpcRecord.ASSOCIATED);
            tx.put(VpcRecord.TABLE, vpc.vpcId(), vpc.withAddedCidrBlock(association));
            RouteTables.addLocalRoutes(tx, vpc.vpcId(), cidr.toString(), false);
            return out.cidrBlockAssociation(Vpcs.toSdk(new VpcRecord.CidrBlockAssociation(association.associationId(),
                    association.cidrBlock(), "associating"))).build();
        });
    }
}
