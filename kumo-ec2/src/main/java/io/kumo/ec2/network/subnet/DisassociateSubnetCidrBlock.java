package io.kumo.ec2.network.subnet;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.ec2.model.DisassociateSubnetCidrBlockRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateSubnetCidrBlockResponse;

import java.util.List;

public final class DisassociateSubnetCidrBlock implements Handler<DisassociateSubnetCidrBlockRequest, DisassociateSubnetCidrBlockResponse> {

    @Override
    public DisassociateSubnetCidrBlockResponse handle(RequestContext ctx, DisassociateSubnetCidrBlockRequest in) {
        return ctx.write(tx -> {
            for (SubnetRecord subnet : tx.list(SubnetRecord.TABLE)) {
                for (SubnetRecord.Ipv6BlockAssociation a : subnet.ipv6CidrBlockAssociations()) {
                    if (a.associationId().equals(in.associationId())) {
                        tx.put(SubnetRecord.TABLE, subnet.subnetId(), subnet.withIpv6CidrBlockAssociations(List.of())
                                .withAssignIpv6AddressOnCreation(false));
                        return DisassociateSubnetCidrBlockResponse.builder()
                                .subnetId(subnet.subnetId())
                                .ipv6CidrBlockAssociation(Subnets.toSdk(new SubnetRecord.Ipv6BlockAssociation(a.associationId(),
                                        a.ipv6CidrBlock(), "disassociating")))
                                .build();
                    }
                }
            }
            throw AwsException.badRequest("InvalidSubnetCidrBlockAssociationID.NotFound",
                    "The subnet CIDR block with association ID '" + in.associationId() + "' does not exist");
        });
    }
}
