package io.kumo.rds.subnetgroup;

import io.kumo.core.network.VpcDirectory;
import io.kumo.core.service.ServiceBinder;
import software.amazon.awssdk.services.rds.model.CreateDbSubnetGroupRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbSubnetGroupRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSubnetGroupsRequest;
import software.amazon.awssdk.services.rds.model.ModifyDbSubnetGroupRequest;

import java.util.function.Supplier;

/** DB subnet groups. */
public final class SubnetGroupActions {

    private SubnetGroupActions() {
    }

    public static void register(ServiceBinder binder, Supplier<VpcDirectory> vpcs) {
        binder.table(DbSubnetGroupRecord.TABLE);
        binder.operation("CreateDBSubnetGroup", CreateDbSubnetGroupRequest.class, new CreateDBSubnetGroup(vpcs));
        binder.operation("DescribeDBSubnetGroups", DescribeDbSubnetGroupsRequest.class, new DescribeDBSubnetGroups());
        binder.operation("ModifyDBSubnetGroup", ModifyDbSubnetGroupRequest.class, new ModifyDBSubnetGroup(vpcs));
        binder.operation("DeleteDBSubnetGroup", DeleteDbSubnetGroupRequest.class, new DeleteDBSubnetGroup());
    }
}
