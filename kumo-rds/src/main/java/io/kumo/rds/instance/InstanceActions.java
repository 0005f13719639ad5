package io.kumo.rds.instance;

import io.kumo.core.network.VpcDirectory;
import io.kumo.core.service.ServiceBinder;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.RebootDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceFromDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.StartDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.StopDbInstanceRequest;

import java.util.function.Supplier;

/** DB instances. */
public final class InstanceActions {

    private InstanceActions() {
    }

    public static void register(ServiceBinder binder, Supplier<VpcDirectory> vpcs) {
        binder.table(DbInstanceRecord.TABLE);
        binder.operation("CreateDBInstance", CreateDbInstanceRequest.class, new CreateDBInstance(vpcs));
        binder.operation("DescribeDBInstances", DescribeDbInstancesRequest.class, new DescribeDBInstances());
        binder.operation("ModifyDBInstance", ModifyDbInstanceRequest.class, new ModifyDBInstance(vpcs));
        binder.operation("RebootDBInstance", RebootDbInstanceRequest.class, new RebootDBInstance());
        binder.operation("DeleteDBInstance", DeleteDbInstanceRequest.class, new DeleteDBInstance());
        binder.operation("RestoreDBInstanceFromDBSnapshot", RestoreDbInstanceFromDbSnapshotRequest.class,
                new RestoreDBInstanceFromDBSnapshot(vpcs));
        binder.operation("StopDBInstance", StopDbInstanceRequest.class, new StartStopDBInstance.Stop());
        binder.operation("StartDBInstance", StartDbInstanceRequest.class, new StartStopDBInstance.Start());
    }
}
