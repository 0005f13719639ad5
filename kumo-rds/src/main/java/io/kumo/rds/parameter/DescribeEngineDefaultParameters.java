package io.kumo.rds.parameter;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.rds.support.Pages;
import io.kumo.rds.support.RdsErrors;
import software.amazon.awssdk.services.rds.model.DescribeEngineDefaultParametersRequest;
import software.amazon.awssdk.services.rds.model.DescribeEngineDefaultParametersResponse;
import software.amazon.awssdk.services.rds.model.EngineDefaults;
import software.amazon.awssdk.services.rds.model.Parameter;

import java.util.List;

/** DescribeEngineDefaultParameters: a family's catalogue with its defaults. */
final class DescribeEngineDefaultParameters implements Handler<DescribeEngineDefaultParametersRequest, DescribeEngineDefaultParametersResponse> {

    @Override
    public DescribeEngineDefaultParametersResponse handle(RequestContext ctx, DescribeEngineDefaultParametersRequest in) {
        if (in.dbParameterGroupFamily() == null || in.dbParameterGroupFamily().isEmpty()) {
            throw RdsErrors.missing("DBParameterGroupFamily");
        }
        ParameterCatalogue catalogue = ParameterCatalogue.forFamily(in.dbParameterGroupFamily())
                .orElseThrow(() -> RdsErrors.invalidValue("ParameterGroupFamily " + in.dbParameterGroupFamily()
                        + " is not a valid parameter group family"));
        List<Parameter> all = catalogue.parameters().stream().map(p -> ParameterGroups.toSdk(p, null)).toList();
        Pages.Page<Parameter> page = Pages.of(all, in.marker(), in.maxRecords());
        return DescribeEngineDefaultParametersResponse.builder().engineDefaults(EngineDefaults.builder()
                .dbParameterGroupFamily(catalogue.family()).parameters(page.items()).marker(page.marker()).build()).build();
    }
}
