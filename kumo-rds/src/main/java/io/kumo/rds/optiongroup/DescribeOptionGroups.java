package io.kumo.rds.optiongroup;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.rds.support.Pages;
import software.amazon.awssdk.services.rds.model.DescribeOptionGroupsRequest;
import software.amazon.awssdk.services.rds.model.DescribeOptionGroupsResponse;

import java.util.List;

/** DescribeOptionGroups: one by name (which must exist), or all, narrowed by EngineName and MajorEngineVersion. */
final class DescribeOptionGroups implements Handler<DescribeOptionGroupsRequest, DescribeOptionGroupsResponse> {

    @Override
    public DescribeOptionGroupsResponse handle(RequestContext ctx, DescribeOptionGroupsRequest in) {
        List<OptionGroupRecord> chosen = ctx.read(tx -> in.optionGroupName() == null
                ? OptionGroups.all(tx)
                : List.of(OptionGroups.require(tx, in.optionGroupName()))).stream()
                .filter(g -> in.engineName() == null || g.engineName().equals(in.engineName()))
                .filter(g -> in.majorEngineVersion() == null || g.majorEngineVersion().equals(in.majorEngineVersion()))
                .toList();
        Pages.Page<OptionGroupRecord> page = Pages.of(chosen, in.marker(), in.maxRecords());
        return DescribeOptionGroupsResponse.builder().optionGroupsList(page.items().stream().map(OptionGroups::toSdk).toList())
                .marker(page.marker()).build();
    }
}
