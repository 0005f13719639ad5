package io.kumo.ec2.network.vpc;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.support.Pages;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;

import java.util.List;

public final class DescribeVpcs implements Handler<DescribeVpcsRequest, DescribeVpcsResponse> {

    @Override
    public DescribeVpcsResponse handle(RequestContext ctx, DescribeVpcsRequest in) {
        return ctx.read(tx -> {
            List<VpcRecord> selected = Lookups.selected(tx, NetworkKinds.VPC, VpcRecord.TABLE, in.vpcIds(), VpcRecord::vpcId);
            List<VpcRecord> matching = Vpcs.filters(tx).apply(selected, in.filters());
            Pages.Page<VpcRecord> page = Pages.of(matching, in.maxResults(), in.nextToken(), 5, 1000, VpcRecord::vpcId);
            return DescribeVpcsResponse.builder()
                    .vpcs(page.items().stream().map(v -> Vpcs.toSdk(v, Tags.sdkTags(tx, v.vpcId()))).toList())
                    .nextToken(page.nextToken())
                    .build();
        });
    }
}
