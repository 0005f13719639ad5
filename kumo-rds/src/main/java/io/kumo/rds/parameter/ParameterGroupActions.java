package io.kumo.rds.parameter;

import io.kumo.core.service.ServiceBinder;
import software.amazon.awssdk.services.rds.model.CreateDbParameterGroupRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbParameterGroupRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbParameterGroupsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbParametersRequest;
import software.amazon.awssdk.services.rds.model.DescribeEngineDefaultParametersRequest;
import software.amazon.awssdk.services.rds.model.ModifyDbParameterGroupRequest;
import software.amazon.awssdk.services.rds.model.ResetDbParameterGroupRequest;

/** DB parameter groups and their parameters. */
public final class ParameterGroupActions {

    private ParameterGroupActions() {
    }

    public static void register(ServiceBinder binder) {
        binder.table(DbParameterGroupRecord.TABLE);
        binder.operation("CreateDBParameterGroup", CreateDbParameterGroupRequest.class, new CreateDBParameterGroup());
        binder.operation("DescribeDBParameterGroups", DescribeDbParameterGroupsRequest.class, new DescribeDBParameterGroups());
        binder.operation("DeleteDBParameterGroup", DeleteDbParameterGroupRequest.class, new DeleteDBParameterGroup());
        binder.operation("ModifyDBParameterGroup", ModifyDbParameterGroupRequest.class, new ModifyDBParameterGroup());
        binder.operation("ResetDBParameterGroup", ResetDbParameterGroupRequest.class, new ResetDBParameterGroup());
        binder.operation("DescribeDBParameters", DescribeDbParametersRequest.class, new DescribeDBParameters());
        binder.operation("DescribeEngineDefaultParameters", DescribeEngineDefaultParametersRequest.class,
                new DescribeEngineDefaultParameters());
    }
}
