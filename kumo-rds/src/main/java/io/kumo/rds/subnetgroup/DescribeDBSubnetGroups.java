package io.kumo.rds.subnetgroup;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.rds.support.Pages;
import software.amazon.awssdk.services.rds.model.DescribeDbSubnetGroupsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSubnetGroupsResponse;

import java.util.List;

/** DescribeDBSubnetGroups: one by name (which must exist), or all of them by name. */
final class DescribeDBSubnetGroups implements Handler<DescribeDbSubnetGroupsRequest, DescribeDbSubnetGroupsResponse> {

    @Override
    public DescribeDbSubnetGroupsResponse handle(RequestContext ctx, DescribeDbSubnetGroupsRequest in) {
        List<DbSubnetGroupRecord> chosen = ctx.read(tx -> in.dbSubnetGroupName() == null
                ? tx.list(DbSubnetGroupRecord.TABLE)
                : List.of(SubnetGroups.require(tx, in.dbSubnetGroupName())));
        Pages.Page<DbSubnetGroupRecord> page = Pages.of(chosen, in.marker(), in.maxRecords());
        return DescribeDbSubnetGroupsResponse.builder()
                .dbSubnetGroups(page.items().stream().map(SubnetGroups::toSdk).toList())
                .marker(page.marker())
                .build();
    }
}
