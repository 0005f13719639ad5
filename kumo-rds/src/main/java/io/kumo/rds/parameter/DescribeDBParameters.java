package io.kumo.rds.parameter;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.rds.support.Pages;
import io.kumo.rds.support.RdsErrors;
import software.amazon.awssdk.services.rds.model.DescribeDbParametersRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbParametersResponse;
import software.amazon.awssdk.services.rds.model.Parameter;

import java.util.List;
import java.util.Set;

/** DescribeDBParameters: the group's parameters by name, narrowed by Source (user, system, engine-default). */
final class DescribeDBParameters implements Handler<DescribeDbParametersRequest, DescribeDbParametersResponse> {
    private static final Set<String> SOURCES = Set.of("user", "system", "engine-default");

    @Override
    public DescribeDbParametersResponse handle(RequestContext ctx, DescribeDbParametersRequest in) {
        if (in.source() != null && !SOURCES.contains(in.source())) {
            throw RdsErrors.invalidValue("Invalid value for Source: " + in.source() + ". Use user, system or engine-default.");
        }
        DbParameterGroupRecord group = ctx.read(tx -> ParameterGroups.require(tx, in.dbParameterGroupName()));
        ParameterCatalogue catalogue = ParameterCatalogue.forFamily(group.family()).orElseThrow();
        List<Parameter> all = catalogue.parameters().stream()
                .map(p -> ParameterGroups.toSdk(p, group.values().get(p.name())))
                .filter(p -> in.source() == null || in.source().equals(p.source()))
                .toList();
        Pages.Page<Parameter> page = Pages.of(all, in.marker(), in.maxRecords());
        return DescribeDbParametersResponse.builder().parameters(page.items()).marker(page.marker()).build();
    }
}
