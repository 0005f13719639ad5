package io.kumo.ec2.network.routetable;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.vpc.VpcRecord;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableResponse;

import java.util.List;

/** A table with the VPC's local routes and no associations. */
public final class CreateRouteTable implements Handler<CreateRouteTableRequest, CreateRouteTableResponse> {
    private final RouteTableViews views;

    public CreateRouteTable(RouteTableViews views) {
        this.views = views;
    }

    @Override
    public CreateRouteTableResponse handle(RequestContext ctx, CreateRouteTableRequest in) {
        return ctx.write(tx -> {
            VpcRecord vpc = Lookups.require(tx, NetworkKinds.VPC, in.vpcId());
            RouteTableRecord table = RouteTables.create(tx, vpc.vpcId(), ctx.accountId(), vpc.ipv4Blocks(), vpc.ipv6Blocks(), false,
                    ctx.receivedAt());
            Tags.applySpecifications(tx, table.routeTableId(), "route-table", in.tagSpecifications(), List.of("route-table"));
            return CreateRouteTableResponse.builder().routeTable(views.toSdk(tx, table)).build();
        });
    }
}
