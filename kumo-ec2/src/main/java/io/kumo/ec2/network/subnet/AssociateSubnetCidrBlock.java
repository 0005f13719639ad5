package io.kumo.ec2.network.subnet;

import io.kumo.core.AwsException;
import io.kumo.core.Ids;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.vpc.VpcRecord;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.AssociateSubnetCidrBlockRequest;
import software.amazon.awssdk.services.ec2.model.AssociateSubnetCidrBlockResponse;

import java.util.List;

/** Gives a subnet an IPv6 /64 of its VPC's /56; one per subnet. */
public final class AssociateSubnetCidrBlock implements Handler<AssociateSubnetCidrBlockRequest, AssociateSubnetCidrBlockResponse> {

    @Override
    public AssociateSubnetCidrBlockResponse handle(RequestContext ctx, AssociateSubnetCidrBlockRequest in) {
        if (in.ipv6IpamPoolId() != null) {
            throw Ec2Errors.invalidParameterValue("IPAM pools are not available in Kumo.");
        }
        if (in.ipv6CidrBlock() == null) {
            throw Ec2Errors.missingParameter("ipv6CidrBlock");
        }
        return ctx.write(tx -> {
            SubnetRecord subnet = Lookups.require(tx, NetworkKinds.SUBNET, in.subnetId());
            if (!subnet.ipv6CidrBlockAssociations().isEmpty()) {
                throw AwsException.badRequest("CidrLimitExceeded",
                        "This network '" + subnet.subnetId() + "' has met its maximum number of allowed CIDRs: 1");
            }
            VpcRecord vpc = Lookups.require(tx, NetworkKinds.VPC, subnet.vpcId());
            String block = CreateSubnet.ipv6Block(tx, vpc, in.ipv6CidrBlock());
            var association = new SubnetRecord.Ipv6BlockAssociation(Ids.ec2("subnet-cidr-assoc"), block, "associated");
            tx.put(SubnetRecord.TABLE, subnet.subnetId(), subnet.withIpv6CidrBlockAssociations(List.of(association)));
            return AssociateSubnetCidrBlockResponse.builder()
                    .subnetId(subnet.subnetId())
                    .ipv6CidrBlockAssociation(Subnets.toSdk(new SubnetRecord.Ipv6BlockAssociation(association.associationId(), block,
                            "associating")))
                    .build();
        });
    }
}
