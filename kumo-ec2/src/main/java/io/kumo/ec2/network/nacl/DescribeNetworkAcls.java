package io.kumo.ec2.network.nacl;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.support.Pages;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsResponse;

import java.util.List;

public final class DescribeNetworkAcls implements Handler<DescribeNetworkAclsRequest, DescribeNetworkAclsResponse> {

    @Override
    public DescribeNetworkAclsResponse handle(RequestContext ctx, DescribeNetworkAclsRequest in) {
        return ctx.read(tx -> {
            List<NetworkAclRecord> selected = Lookups.selected(tx, NetworkKinds.NETWORK_ACL, NetworkAclRecord.TABLE,
                    in.networkAclIds(), NetworkAclRecord::networkAclId);
            List<NetworkAclRecord> matching = NetworkAclViews.filters(tx).apply(selected, in.filters());
            Pages.Page<NetworkAclRecord> page = Pages.of(matching, in.maxResults(), in.nextToken(), 5, 100,
                    NetworkAclRecord::networkAclId);
            return DescribeNetworkAclsResponse.builder()
                    .networkAcls(page.items().stream().map(a -> NetworkAclViews.toSdk(tx, a)).toList())
                    .nextToken(page.nextToken())
                    .build();
        });
    }
}
