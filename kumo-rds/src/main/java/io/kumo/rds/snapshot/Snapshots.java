package io.kumo.rds.snapshot;

import io.kumo.core.RequestContext;
import io.kumo.core.store.Tx;
import io.kumo.rds.event.Events;
import io.kumo.rds.instance.DbInstanceRecord;
import io.kumo.rds.instance.InstanceSettings;
import io.kumo.rds.support.Arns;
import io.kumo.rds.support.RdsErrors;
import io.kumo.rds.support.ResourceIds;
import io.kumo.rds.tag.Tags;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.Tag;

import java.util.List;
import java.util.Locale;

/** Finding, starting and showing DB snapshots. */
public final class Snapshots {

    private Snapshots() {
    }

    public static DbSnapshotRecord require(Tx tx, String identifierOrArn) {
        if (identifierOrArn == null || identifierOrArn.isEmpty()) {
            throw RdsErrors.missing("DBSnapshotIdentifier");
        }
        String id = identifierOrArn.startsWith("arn:") ? identifierOrArn.substring(identifierOrArn.lastIndexOf(':') + 1) : identifierOrArn;
        return tx.get(DbSnapshotRecord.TABLE, id.toLowerCase(Locale.ROOT)).orElseThrow(() -> RdsErrors.snapshotNotFound(id));
    }

    /**
     * Records a manual snapshot of the instance as "creating", with the instance's tags when it
     * copies them and none are given.
     */
    public static DbSnapshotRecord startManual(RequestContext ctx, Tx tx, String identifier, DbInstanceRecord instance, List<Tag> tags) {
        if (tx.get(DbSnapshotRecord.TABLE, identifier).isPresent()) {
            throw RdsErrors.of("DBSnapshotAlreadyExists", "Cannot create the snapshot because a snapshot with the identifier "
                    + identifier + " already exists.");
        }
        DbSnapshotRecord snapshot = new DbSnapshotRecord(identifier, Arns.of(ctx.region(), ctx.accountId(), Arns.SNAPSHOT, identifier),
                DbSnapshotRecord.MANUAL, DbSnapshotRecord.CREATING, 0, ctx.receivedAt(), null, instance.identifier(), instance.resourceId(),
                instance.observed().instanceCreateTime(), instance.observed().availabilityZone(), ResourceIds.snapshotResource(),
                instance.settings());
        tx.put(DbSnapshotRecord.TABLE, identifier, snapshot);
        if (tags != null && !tags.isEmpty()) {
            Tags.add(tx, snapshot.arn(), tags);
        } else if (instance.settings().copyTagsToSnapshot()) {
            Tags.copy(tx, instance.arn(), snapshot.arn());
        }
        Events.record(tx, ctx.receivedAt(), Events.SNAPSHOT, identifier, snapshot.arn(), "Creating manual snapshot", "creation");
        return snapshot;
    }

    static DBSnapshot toSdk(Tx tx, DbSnapshotRecord s) {
        return toSdk(s, Tags.toSdk(tx, s.arn()));
    }

    static DBSnapshot toSdk(DbSnapshotRecord s, List<Tag> tags) {
        InstanceSettings src = s.source();
        return DBSnapshot.builder()
                .dbSnapshotIdentifier(s.identifier())
                .dbInstanceIdentifier(s.instanceIdentifier())
                .snapshotCreateTime(s.snapshotCreateTime())
                .engine(src.engine())
                .allocatedStorage(src.allocatedStorage())
                .status(s.status())
                .port(src.port())
                .availabilityZone(s.availabilityZone())
                .vpcId(src.vpcId())
                .instanceCreateTime(s.instanceCreateTime())
                .masterUsername(src.masterUsername())
                .engineVersion(src.engineVersion())
                .licenseModel(src.licenseModel())
                .snapshotType(s.snapshotType())
                .iops(src.iops())
                .optionGroupName(src.optionGroupName())
                .percentProgress(s.percentProgress())
                .storageType(src.storageType())
                .encrypted(src.storageEncrypted())
                .dbSnapshotArn(s.arn())
                .iamDatabaseAuthenticationEnabled(false)
                .processorFeatures(List.of())
                .dbiResourceId(s.sourceResourceId())
                .tagList(tags)
                .originalSnapshotCreateTime(s.snapshotCreateTime())
                .snapshotTarget("region")
                .dedicatedLogVolume(false)
                .multiTenant(false)
                .build();
    }
}
