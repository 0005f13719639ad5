package io.kumo.ec2.network.routetable;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.support.Pages;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;

import java.util.List;

public final class DescribeRouteTables implements Handler<DescribeRouteTablesRequest, DescribeRouteTablesResponse> {
    private final RouteTableViews views;

    public DescribeRouteTables(RouteTableViews views) {
        this.views = views;
    }

    @Override
    public DescribeRouteTablesResponse handle(RequestContext ctx, DescribeRouteTablesRequest in) {
        return ctx.read(tx -> {
            List<RouteTableRecord> selected = Lookups.selected(tx, NetworkKinds.ROUTE_TABLE, RouteTableRecord.TABLE,
                    in.routeTableIds(), RouteTableRecord::routeTableId);
            List<RouteTableRecord> matching = views.filters(tx).apply(selected, in.filters());
            Pages.Page<RouteTableRecord> page = Pages.of(matching, in.maxResults(), in.nextToken(), 5, 100,
                    RouteTableRecord::routeTableId);
            return DescribeRouteTablesResponse.builder()
                    .routeTables(page.items().stream().map(t -> views.toSdk(tx, t)).toList())
                    .nextToken(page.nextToken())
                    .build();
        });
    }
}
