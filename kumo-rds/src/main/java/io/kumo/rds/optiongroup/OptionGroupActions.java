package io.kumo.rds.optiongroup;

import io.kumo.core.service.ServiceBinder;
import software.amazon.awssdk.services.rds.model.CreateOptionGroupRequest;
import software.amazon.awssdk.services.rds.model.DeleteOptionGroupRequest;
import software.amazon.awssdk.services.rds.model.DescribeOptionGroupsRequest;

/** Option groups: create, describe, delete (Kumo offers no options to put in them). */
public final class OptionGroupActions {

    private OptionGroupActions() {
    }

    public static void register(ServiceBinder binder) {
        binder.table(OptionGroupRecord.TABLE);
        binder.operation("CreateOptionGroup", CreateOptionGroupRequest.class, new CreateOptionGroup());
        binder.operation("DescribeOptionGroups", DescribeOptionGroupsRequest.class, new DescribeOptionGroups());
        binder.operation("DeleteOptionGroup", DeleteOptionGroupRequest.class, new DeleteOptionGroup());
    }
}
