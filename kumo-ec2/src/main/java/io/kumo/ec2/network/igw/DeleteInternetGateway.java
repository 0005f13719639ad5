package io.kumo.ec2.network.igw;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.DeleteInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DeleteInternetGatewayResponse;

public final class DeleteInternetGateway implements Handler<DeleteInternetGatewayRequest, DeleteInternetGatewayResponse> {

    @Override
    public DeleteInternetGatewayResponse handle(RequestContext ctx, DeleteInternetGatewayRequest in) {
        return ctx.write(tx -> {
            InternetGatewayRecord g = Lookups.require(tx, NetworkKinds.INTERNET_GATEWAY, in.internetGatewayId());
            if (g.attached()) {
                throw Ec2Errors.dependencyViolation("The internetGateway '" + g.internetGatewayId()
                        + "' has dependencies and cannot be deleted.");
            }
            tx.delete(InternetGatewayRecord.TABLE, g.internetGatewayId());
            Tags.deleteAll(tx, g.internetGatewayId());
            return DeleteInternetGatewayResponse.builder().build();
        });
    }
}
