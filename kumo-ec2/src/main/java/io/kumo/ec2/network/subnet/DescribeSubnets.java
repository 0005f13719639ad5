package io.kumo.ec2.network.subnet;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.support.Pages;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;

import java.util.List;

public final class DescribeSubnets implements Handler<DescribeSubnetsRequest, DescribeSubnetsResponse> {

    @Override
    public DescribeSubnetsResponse handle(RequestContext ctx, DescribeSubnetsRequest in) {
        return ctx.read(tx -> {
            List<SubnetRecord> selected = Lookups.selected(tx, NetworkKinds.SUBNET, SubnetRecord.TABLE, in.subnetIds(),
                    SubnetRecord::subnetId);
            List<SubnetRecord> matching = Subnets.filters(tx, ctx.region()).apply(selected, in.filters());
            Pages.Page<SubnetRecord> page = Pages.of(matching, in.maxResults(), in.nextToken(), 5, 1000, SubnetRecord::subnetId);
            return DescribeSubnetsResponse.builder()
                    .subnets(page.items().stream().map(s -> Subnets.toSdk(tx, s, ctx.region())).toList())
                    .nextToken(page.nextToken())
                    .build();
        });
    }
}
