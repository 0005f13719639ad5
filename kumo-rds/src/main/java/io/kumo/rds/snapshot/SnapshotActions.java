package io.kumo.rds.snapshot;

import io.kumo.core.service.ServiceBinder;
import software.amazon.awssdk.services.rds.model.CreateDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsRequest;

/** DB snapshots (RestoreDBInstanceFromDBSnapshot is with the instances it creates). */
public final class SnapshotActions {

    private SnapshotActions() {
    }

    public static void register(ServiceBinder binder) {
        binder.table(DbSnapshotRecord.TABLE);
        binder.operation("CreateDBSnapshot", CreateDbSnapshotRequest.class, new CreateDBSnapshot());
        binder.operation("DescribeDBSnapshots", DescribeDbSnapshotsRequest.class, new DescribeDBSnapshots());
        binder.operation("DeleteDBSnapshot", DeleteDbSnapshotRequest.class, new DeleteDBSnapshot());
    }
}
