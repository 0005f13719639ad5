package io.kumo.ec2.network.igw;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.vpc.VpcRecord;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayResponse;

/** One gateway per VPC, one VPC per gateway. */
public final class AttachInternetGateway implements Handler<AttachInternetGatewayRequest, AttachInternetGatewayResponse> {

    @Override
    public AttachInternetGatewayResponse handle(RequestContext ctx, AttachInternetGatewayRequest in) {
        return ctx.write(tx -> {
            InternetGatewayRecord g = Lookups.require(tx, NetworkKinds.INTERNET_GATEWAY, in.internetGatewayId());
            VpcRecord vpc = Lookups.require(tx, NetworkKinds.VPC, in.vpcId());
            if (g.attached()) {
                throw AwsException.badRequest("Resource.AlreadyAssociated",
                        "resource " + g.internetGatewayId() + " is already attached to network " + g.vpcId());
            }
            InternetGateways.attachedTo(tx, vpc.vpcId()).ifPresent(other -> {
                throw AwsException.badRequest("Resource.AlreadyAssociated",
                        "resource " + vpc.vpcId() + " already has an internet gateway attached: " + other.internetGatewayId());
            });
            tx.put(InternetGatewayRecord.TABLE, g.internetGatewayId(), g.withVpcId(vpc.vpcId()));
            return AttachInternetGatewayResponse.builder().build();
        });
    }
}
