package io.kumo.ec2.network.igw;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.support.DependencyChecks;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.DetachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DetachInternetGatewayResponse;

/** Routes that pointed at the gateway stay, and turn blackhole. */
public final class DetachInternetGateway implements Handler<DetachInternetGatewayRequest, DetachInternetGatewayResponse> {
    private final DependencyChecks dependencies;

    public DetachInternetGateway(DependencyChecks dependencies) {
        this.dependencies = dependencies;
    }

    @Override
    public DetachInternetGatewayResponse handle(RequestContext ctx, DetachInternetGatewayRequest in) {
        return ctx.write(tx -> {
            InternetGatewayRecord g = Lookups.require(tx, NetworkKinds.INTERNET_GATEWAY, in.internetGatewayId());
            NetworkKinds.VPC.check(in.vpcId());
            if (!in.vpcId().equals(g.vpcId())) {
                throw AwsException.badRequest("Gateway.NotAttached",
                        "resource " + g.internetGatewayId() + " is not attached to network " + in.vpcId());
            }
            if (dependencies.firstUserOf(tx, g.internetGatewayId()).isPresent()) {
                throw Ec2Errors.dependencyViolation("Network " + in.vpcId()
                        + " has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.");
            }
            tx.put(InternetGatewayRecord.TABLE, g.internetGatewayId(), g.withVpcId(null));
            return DetachInternetGatewayResponse.builder().build();
        });
    }
}
