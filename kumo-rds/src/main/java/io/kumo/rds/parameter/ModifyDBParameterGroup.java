package io.kumo.rds.parameter;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.rds.event.Events;
import io.kumo.rds.support.RdsErrors;
import software.amazon.awssdk.services.rds.model.ModifyDbParameterGroupRequest;
import software.amazon.awssdk.services.rds.model.ModifyDbParameterGroupResponse;
import software.amazon.awssdk.services.rds.model.Parameter;

import java.util.HashMap;
import java.util.Map;

/**
 * ModifyDBParameterGroup: sets up to 20 values, all or none. The runtime applies them to the
 * group's instances: dynamic ones with "immediate" at once, the rest at the next reboot.
 */
final class ModifyDBParameterGroup implements Handler<ModifyDbParameterGroupRequest, ModifyDbParameterGroupResponse> {

    @Override
    public ModifyDbParameterGroupResponse handle(RequestContext ctx, ModifyDbParameterGroupRequest in) {
        String name = ctx.write(tx -> {
            DbParameterGroupRecord group = ParameterGroups.require(tx, in.dbParameterGroupName());
            if (group.isDefault()) {
                throw RdsErrors.invalidValue("Cannot modify a default parameter group.");
            }
            ParameterChanges.checkCount(in.parameters());
            ParameterCatalogue catalogue = ParameterCatalogue.forFamily(group.family()).orElseThrow();
            Map<String, DbParameterGroupRecord.UserValue> values = new HashMap<>(group.values());
            for (Parameter asked : in.parameters()) {
                ParameterChanges.Change change = ParameterChanges.check(catalogue, asked);
                CatalogueParameter p = change.parameter();
                ParameterValues.check(p, asked.parameterValue());
                values.put(p.name(), new DbParameterGroupRecord.UserValue(asked.parameterValue(), change.applyMethod(), p.applyType()));
            }
            tx.put(DbParameterGroupRecord.TABLE, group.name(), group.withValues(values, ctx.receivedAt()));
            for (Parameter asked : in.parameters()) {
                Events.record(tx, ctx.receivedAt(), Events.PARAMETER_GROUP, group.name(), group.arn(), "Updated parameter "
                        + asked.parameterName() + " to " + asked.parameterValue() + " with apply method "
                        + values.get(asked.parameterName()).applyMethod(), "configuration change");
            }
            return group.name();
        });
        return ModifyDbParameterGroupResponse.builder().dbParameterGroupName(name).build();
    }
}
