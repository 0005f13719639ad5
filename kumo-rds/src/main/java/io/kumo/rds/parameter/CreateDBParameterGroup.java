package io.kumo.rds.parameter;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.rds.support.Arns;
import io.kumo.rds.support.Identifiers;
import io.kumo.rds.support.RdsErrors;
import io.kumo.rds.tag.Tags;
import software.amazon.awssdk.services.rds.model.CreateDbParameterGroupRequest;
import software.amazon.awssdk.services.rds.model.CreateDbParameterGroupResponse;

import java.util.Map;

/** CreateDBParameterGroup: a family Kumo has, a description; every parameter starts at its default. */
final class CreateDBParameterGroup implements Handler<CreateDbParameterGroupRequest, CreateDbParameterGroupResponse> {

    @Override
    public CreateDbParameterGroupResponse handle(RequestContext ctx, CreateDbParameterGroupRequest in) {
        String name = Identifiers.parameterGroup(in.dbParameterGroupName());
        if (in.dbParameterGroupFamily() == null || in.dbParameterGroupFamily().isEmpty()) {
            throw RdsErrors.missing("DBParameterGroupFamily");
        }
        if (in.description() == null || in.description().isEmpty()) {
            throw RdsErrors.missing("Description");
        }
        String family = in.dbParameterGroupFamily().toLowerCase(java.util.Locale.ROOT);
        if (ParameterCatalogue.forFamily(family).isEmpty()) {
            throw RdsErrors.invalidValue("ParameterGroupFamily " + in.dbParameterGroupFamily() + " is not a valid parameter group family");
        }
        DbParameterGroupRecord created = ctx.write(tx -> {
            if (tx.get(DbParameterGroupRecord.TABLE, name).isPresent()) {
                throw RdsErrors.of("DBParameterGroupAlreadyExists", "Parameter group " + name + " already exists");
            }
            DbParameterGroupRecord group = new DbParameterGroupRecord(name, family, in.description(),
                    Arns.of(ctx.region(), ctx.accountId(), Arns.PARAMETER_GROUP, name), Map.of(), 0, ctx.receivedAt());
            tx.put(DbParameterGroupRecord.TABLE, name, group);
            Tags.add(tx, group.arn(), in.tags());
            return group;
        });
        return CreateDbParameterGroupResponse.builder().dbParameterGroup(ParameterGroups.toSdk(created)).build();
    }
}
