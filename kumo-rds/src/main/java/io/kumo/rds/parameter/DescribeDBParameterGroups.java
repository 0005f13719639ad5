package io.kumo.rds.parameter;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.rds.support.Pages;
import software.amazon.awssdk.services.rds.model.DescribeDbParameterGroupsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbParameterGroupsResponse;

import java.util.List;

/** DescribeDBParameterGroups: one by name (which must exist), or every group, the defaults included, by name. */
final class DescribeDBParameterGroups implements Handler<DescribeDbParameterGroupsRequest, DescribeDbParameterGroupsResponse> {

    @Override
    public DescribeDbParameterGroupsResponse handle(RequestContext ctx, DescribeDbParameterGroupsRequest in) {
        List<DbParameterGroupRecord> chosen = ctx.read(tx -> in.dbParameterGroupName() == null
                ? ParameterGroups.all(tx)
                : List.of(ParameterGroups.require(tx, in.dbParameterGroupName())));
        Pages.Page<DbParameterGroupRecord> page = Pages.of(chosen, in.marker(), in.maxRecords());
        return DescribeDbParameterGroupsResponse.builder()
                .dbParameterGroups(page.items().stream().map(ParameterGroups::toSdk).toList())
                .marker(page.marker())
                .build();
    }
}
