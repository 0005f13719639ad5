package io.kumo.ec2.network.igw;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.support.Pages;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysResponse;

import java.util.List;

public final class DescribeInternetGateways implements Handler<DescribeInternetGatewaysRequest, DescribeInternetGatewaysResponse> {

    @Override
    public DescribeInternetGatewaysResponse handle(RequestContext ctx, DescribeInternetGatewaysRequest in) {
        return ctx.read(tx -> {
            List<InternetGatewayRecord> selected = Lookups.selected(tx, NetworkKinds.INTERNET_GATEWAY, InternetGatewayRecord.TABLE,
                    in.internetGatewayIds(), InternetGatewayRecord::internetGatewayId);
            List<InternetGatewayRecord> matching = InternetGateways.filters(tx).apply(selected, in.filters());
            Pages.Page<InternetGatewayRecord> page = Pages.of(matching, in.maxResults(), in.nextToken(), 5, 1000,
                    InternetGatewayRecord::internetGatewayId);
            return DescribeInternetGatewaysResponse.builder()
                    .internetGateways(page.items().stream().map(g -> InternetGateways.toSdk(tx, g)).toList())
                    .nextToken(page.nextToken())
                    .build();
        });
    }
}
