package io.kumo.ec2.compute.eni;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeErrors;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.support.Pages;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;

/** DescribeNetworkInterfaces with EC2's filters and pagination. */
public final class DescribeNetworkInterfaces implements Handler<DescribeNetworkInterfacesRequest, DescribeNetworkInterfacesResponse> {

    @Override
    public DescribeNetworkInterfacesResponse handle(RequestContext ctx, DescribeNetworkInterfacesRequest in) {
        if (!in.networkInterfaceIds().isEmpty() && in.maxResults() != null) {
            throw ComputeErrors.maxResultsWithIds("networkInterfaceIdSet");
        }
        var predicate = EniViews.FILTERS.compile(in.filters());
        return ctx.read(tx -> {
            var enis = Lookups.selected(tx, ComputeKinds.NETWORK_INTERFACE, NetworkInterfaceRecord.TABLE, in.networkInterfaceIds(),
                    NetworkInterfaceRecord::networkInterfaceId);
            var views = EniViews.load(tx, enis).stream().filter(predicate).toList();
            var page = Pages.of(views, in.maxResults(), in.nextToken(), 5, 1000, v -> v.eni().networkInterfaceId());
            return DescribeNetworkInterfacesResponse.builder()
                    .networkInterfaces(page.items().stream().map(EniViews::toSdk).toList())
                    .nextToken(page.nextToken())
                    .build();
        });
    }
}
