package io.kumo.rds.instance;

import io.kumo.core.RequestContext;
import io.kumo.core.network.VpcDirectory;
import io.kumo.core.store.Tx;
import io.kumo.rds.engine.Engine;
import io.kumo.rds.event.Events;
import io.kumo.rds.subnetgroup.DbSubnetGroupRecord;
import io.kumo.rds.support.Arns;
import io.kumo.rds.support.RdsErrors;
import io.kumo.rds.support.ResourceIds;
import io.kumo.rds.tag.Tags;
import software.amazon.awssdk.services.rds.model.Tag;

import java.util.List;

/** What CreateDBInstance and RestoreDBInstanceFromDBSnapshot share: placing the instance, then recording it as "creating". */
final class NewInstances {
    /** RDS picks these windows per region; Kumo has no maintenance, so one pair serves. */
    static final String BACKUP_WINDOW = "17:00-17:30";
    static final String MAINTENANCE_WINDOW = "sun:18:00-sun:18:30";

    /** What the request asked for the network and groups; nulls mean RDS's defaults. */
    record Asked(String subnetGroupName, List<String> securityGroupIds, String parameterGroupName, String optionGroupName,
                 String availabilityZone) {
    }

    private NewInstances() {
    }

    static DbInstanceRecord create(RequestContext ctx, Tx tx, VpcDirectory vpcs, String identifier, Engine engine, Engine.Version version,
                                   InstanceSettings.Builder b, Asked asked, List<Tag> tags, String restoredFrom) {
        if (tx.get(DbInstanceRecord.TABLE, identifier).isPresent()) {
            throw RdsErrors.of("DBInstanceAlreadyExists", "DB instance already exists");
        }
        DbSubnetGroupRecord group = Placement.subnetGroup(tx, asked.subnetGroupName());
        Placement.zone(group, asked.availabilityZone(), b.multiAz);
        Placement.publiclyAccessible(tx, vpcs, group.vpcId(), b.publiclyAccessible);
        b.vpcId = group.vpcId();
        b.subnetGroupName = group.name();
        b.requestedAvailabilityZone = asked.availabilityZone();
        b.vpcSecurityGroupIds = Placement.securityGroups(tx, vpcs, asked.securityGroupIds(), group.vpcId());
        b.parameterGroupName = Placement.parameterGroup(tx, asked.parameterGroupName(), version);
        b.optionGroupName = Placement.optionGroup(tx, asked.optionGroupName(), engine, version);
        DbInstanceRecord record = new DbInstanceRecord(identifier, Arns.of(ctx.region(), ctx.accountId(), Arns.INSTANCE, identifier),
                ResourceIds.dbInstance(), ctx.receivedAt(), b.build(),
                new PendingModifications(null, null, null, true, null, null), Observed.creating(), null, restoredFrom, null);
        tx.put(DbInstanceRecord.TABLE, identifier, record);
        Tags.add(tx, record.arn(), tags);
        Events.record(tx, ctx.receivedAt(), Events.INSTANCE, identifier, record.arn(),
                restoredFrom == null ? "DB instance created" : "Restored from snapshot " + restoredFrom, "creation");
        return record;
    }
}
