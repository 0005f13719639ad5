package io.kumo.ec2.network.vpc;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.net.Ipv4Cidr;
import io.kumo.core.net.Ipv6Cidr;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.routetable.RouteTables;
import io.kumo.ec2.network.subnet.SubnetRecord;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.DisassociateVpcCidrBlockRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateVpcCidrBlockResponse;

/** Removes a secondary block (never the primary) once no subnet uses it. */
public final class DisassociateVpcCidrBlock implements Handler<DisassociateVpcCidrBlockRequest, DisassociateVpcCidrBlockResponse> {

    @Override
    public DisassociateVpcCidrBlockResponse handle(RequestContext ctx, DisassociateVpcCidrBlockRequest in) {
        String id = in.associationId();
        return ctx.write(tx -> {
            for (VpcRecord vpc : tx.list(VpcRecord.TABLE)) {
                for (VpcRecord.CidrBlockAssociation a : vpc.cidrBlockAssociations()) {
                    if (!a.associationId().equals(id)) {
                        continue;
                    }
                    if (a.cidrBlock().equals(vpc.cidrBlock())) {
                        throw AwsException.badRequest("OperationNotPermitted", "The vpc CIDR block with association ID " + id
                                + " may not be disassociated. It is the primary IPv4 CIDR block of the VPC");
                    }
                    Ipv4Cidr block = Ipv4Cidr.parse(a.cidrBlock());
                    boolean used = tx.list(SubnetRecord.TABLE).stream()
                            .anyMatch(s -> s.vpcId().equals(vpc.vpcId()) && block.contains(s.cidr()));
                    if (used) {
                        throw Ec2Errors.dependencyViolation("The vpc CIDR block with association ID " + id
                                + " has dependencies and cannot be disassociated.");
                    }
                    tx.put(VpcRecord.TABLE, vpc.vpcId(), vpc.withCidrBlockAssociations(
                            vpc.cidrBlockAssociations().stream().filter(x -> !x.associationId().equals(id)).toList()));
                    RouteTables.removeLocalRoutes(tx, vpc.vpcId(), a.cidrBlock());
                    return DisassociateVpcCidrBlockResponse.builder().vpcId(vpc.vpcId())
                            .cidrBlockAssociation(Vpcs.toSdk(new VpcRecord.CidrBlockAssociation(id, a.cidrBlock(), "disassociating")))
                            .build();
                }
                for (VpcRecord.Ipv6BlockAssociation a : vpc.ipv6CidrBlockAssociations()) {
                    if (!a.associationId().equals(id)) {
                        continue;
                    }
                    Ipv6Cidr block = Ipv6Cidr.parse(a.ipv6CidrBlock());
                    boolean used = tx.list(SubnetRecord.TABLE).stream()
                            .anyMatch(s -> s.vpcId().equals(vpc.vpcId()) && s.ipv6Blocks().stream().anyMatch(b -> block.contains(Ipv6Cidr.parse(b))));
                    if (used) {
                        throw Ec2Errors.dependencyViolation("The vpc CIDR block with association ID " + id
                                + " has dependencies and cannot be disassociated.");
                    }
                    tx.put(VpcRecord.TABLE, vpc.vpcId(), vpc.withIpv6CidrBlockAssociations(
                            vpc.ipv6CidrBlockAssociations().stream().filter(x -> !x.associationId().equals(id)).toList()));
                    RouteTables.removeLocalRoutes(tx, vpc.vpcId(), a.ipv6CidrBlock());
                    return DisassociateVpcCidrBlockResponse.builder().vpcId(vpc.vpcId())
                            .ipv6CidrBlockAssociation(Vpcs.toSdk(new VpcRecord.Ipv6BlockAssociation(id, a.ipv6CidrBlock(),
                                    "disassociating", a.ipv6Pool(), a.networkBorderGroup())))
                            .build();
                }
            }
            throw AwsException.badRequest("InvalidVpcCidrBlockAssociationID.NotFound",
                    "The vpc CIDR block association ID '" + id + "' does not exist");
        });
    }
}
