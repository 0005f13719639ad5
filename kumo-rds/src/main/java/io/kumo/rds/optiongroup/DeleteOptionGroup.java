package io.kumo.rds.optiongroup;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.rds.instance.Usage;
import io.kumo.rds.support.RdsErrors;
import io.kumo.rds.tag.Tags;
import software.amazon.awssdk.services.rds.model.DeleteOptionGroupRequest;
import software.amazon.awssdk.services.rds.model.DeleteOptionGroupResponse;

/** DeleteOptionGroup: never a default group, never one an instance uses. */
final class DeleteOptionGroup implements Handler<DeleteOptionGroupRequest, DeleteOptionGroupResponse> {

    @Override
    public DeleteOptionGroupResponse handle(RequestContext ctx, DeleteOptionGroupRequest in) {
        ctx.write(tx -> {
            OptionGroupRecord group = OptionGroups.require(tx, in.optionGroupName());
            if (group.isDefault()) {
                throw RdsErrors.of("InvalidOptionGroupStateFault", "Default option group " + group.name() + " cannot be deleted.");
            }
            if (!Usage.instancesUsingOptionGroup(tx, group.name()).isEmpty()) {
                throw RdsErrors.of("InvalidOptionGroupStateFault", "The option group " + group.name()
                        + " cannot be deleted because it is in use.");
            }
            tx.delete(OptionGroupRecord.TABLE, group.name());
            Tags.forget(tx, group.arn());
            return null;
        });
        return DeleteOptionGroupResponse.builder().build();
    }
}
