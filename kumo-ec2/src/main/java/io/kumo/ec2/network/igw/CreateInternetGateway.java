package io.kumo.ec2.network.igw;

import io.kumo.core.Ids;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayResponse;

import java.util.List;

public final class CreateInternetGateway implements Handler<CreateInternetGatewayRequest, CreateInternetGatewayResponse> {

    @Override
    public CreateInternetGatewayResponse handle(RequestContext ctx, CreateInternetGatewayRequest in) {
        return ctx.write(tx -> {
            InternetGatewayRecord g = new InternetGatewayRecord(Ids.ec2("igw"), ctx.accountId(), null, ctx.receivedAt());
            tx.put(InternetGatewayRecord.TABLE, g.internetGatewayId(), g);
            Tags.applySpecifications(tx, g.internetGatewayId(), "internet-gateway", in.tagSpecifications(), List.of("internet-gateway"));
            return CreateInternetGatewayResponse.builder().internetGateway(InternetGateways.toSdk(tx, g)).build();
        });
    }
}
