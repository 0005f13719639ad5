package io.kumo.rds.parameter;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.rds.instance.Usage;
import io.kumo.rds.support.RdsErrors;
import io.kumo.rds.tag.Tags;
import software.amazon.awssdk.services.rds.model.DeleteDbParameterGroupRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbParameterGroupResponse;

/** DeleteDBParameterGroup: never a default group, never one an instance uses. */
final class DeleteDBParameterGroup implements Handler<DeleteDbParameterGroupRequest, DeleteDbParameterGroupResponse> {

    @Override
    public DeleteDbParameterGroupResponse handle(RequestContext ctx, DeleteDbParameterGroupRequest in) {
        ctx.write(tx -> {
            DbParameterGroupRecord group = ParameterGroups.require(tx, in.dbParameterGroupName());
            if (group.isDefault()) {
                throw RdsErrors.of("InvalidDBParameterGroupState", "Default DBParameterGroup cannot be deleted: " + group.name());
            }
            if (!Usage.instancesUsingParameterGroup(tx, group.name()).isEmpty()) {
                throw RdsErrors.of("InvalidDBParameterGroupState", "One or more database instances are still members of this "
                        + "parameter group " + group.name() + ", so the group cannot be deleted");
            }
            tx.delete(DbParameterGroupRecord.TABLE, group.name());
            Tags.forget(tx, group.arn());
            return null;
        });
        return DeleteDbParameterGroupResponse.builder().build();
    }
}
