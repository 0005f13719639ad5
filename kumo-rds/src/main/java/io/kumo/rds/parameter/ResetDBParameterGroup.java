package io.kumo.rds.parameter;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.rds.event.Events;
import io.kumo.rds.support.RdsErrors;
import software.amazon.awssdk.services.rds.model.Parameter;
import software.amazon.awssdk.services.rds.model.ResetDbParameterGroupRequest;
import software.amazon.awssdk.services.rds.model.ResetDbParameterGroupResponse;

import java.util.HashMap;
import java.util.Map;

/** ResetDBParameterGroup: every parameter (ResetAllParameters) or the ones named, back to their defaults. */
final class ResetDBParameterGroup implements Handler<ResetDbParameterGroupRequest, ResetDbParameterGroupResponse> {

    @Override
    public ResetDbParameterGroupResponse handle(RequestContext ctx, ResetDbParameterGroupRequest in) {
        boolean all = Boolean.TRUE.equals(in.resetAllParameters());
        if (all && in.hasParameters() && !in.parameters().isEmpty()) {
            throw RdsErrors.invalidCombination("Specify either ResetAllParameters or Parameters, not both.");
        }
        if (!all && (!in.hasParameters() || in.parameters().isEmpty())) {
            throw RdsErrors.invalidCombination("Specify ResetAllParameters, or the Parameters to reset.");
        }
        String name = ctx.write(tx -> {
            DbParameterGroupRecord group = ParameterGroups.require(tx, in.dbParameterGroupName());
            if (group.isDefault()) {
                throw RdsErrors.invalidValue("Cannot modify a default parameter group.");
            }
            Map<String, DbParameterGroupRecord.UserValue> values = new HashMap<>(group.values());
            if (all) {
                values.clear();
            } else {
                ParameterChanges.checkCount(in.parameters());
                ParameterCatalogue catalogue = ParameterCatalogue.forFamily(group.family()).orElseThrow();
                for (Parameter asked : in.parameters()) {
                    ParameterChanges.check(catalogue, asked);
                    values.remove(asked.parameterName());
                }
            }
            tx.put(DbParameterGroupRecord.TABLE, group.name(), group.withValues(values, ctx.receivedAt()));
            Events.record(tx, ctx.receivedAt(), Events.PARAMETER_GROUP, group.name(), group.arn(),
                    all ? "Reset all parameters to their defaults" : "Reset parameters to their defaults", "configuration change");
            return group.name();
        });
        return ResetDbParameterGroupResponse.builder().dbParameterGroupName(name).build();
    }
}
