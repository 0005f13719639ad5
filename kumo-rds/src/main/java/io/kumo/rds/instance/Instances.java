package io.kumo.rds.instance;

import io.kumo.core.store.Tx;
import io.kumo.rds.subnetgroup.DbSubnetGroupRecord;
import io.kumo.rds.subnetgroup.SubnetGroups;
import io.kumo.rds.support.RdsErrors;
import io.kumo.rds.tag.Tags;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBParameterGroupStatus;
import software.amazon.awssdk.services.rds.model.Endpoint;
import software.amazon.awssdk.services.rds.model.OptionGroupMembership;
import software.amazon.awssdk.services.rds.model.PendingModifiedValues;
import software.amazon.awssdk.services.rds.model.VpcSecurityGroupMembership;

import java.util.List;
import java.util.Locale;

/** DB instances as the API shows them, and finding them. */
public final class Instances {
    static final String MASKED_PASSWORD = "****";

    private Instances() {
    }

    /** The instance by identifier or ARN (both as DescribeDBInstances takes them). */
    public static DbInstanceRecord require(Tx tx, String identifierOrArn) {
        if (identifierOrArn == null || identifierOrArn.isEmpty()) {
            throw RdsErrors.missing("DBInstanceIdentifier");
        }
        String id = identifierOrArn.startsWith("arn:") ? identifierOrArn.substring(identifierOrArn.lastIndexOf(':') + 1) : identifierOrArn;
        return tx.get(DbInstanceRecord.TABLE, id.toLowerCase(Locale.ROOT)).orElseThrow(() -> RdsErrors.instanceNotFound(id));
    }

    static DBInstance toSdk(Tx tx, DbInstanceRecord i) {
        InstanceSettings s = i.settings();
        Observed o = i.observed();
        DBInstance.Builder b = DBInstance.builder()
                .dbInstanceIdentifier(i.identifier())
                .dbInstanceClass(s.instanceClass())
                .engine(s.engine())
                .dbInstanceStatus(o.status())
                .masterUsername(s.masterUsername())
                .dbName(s.dbName())
                .allocatedStorage(s.allocatedStorage())
                .instanceCreateTime(o.instanceCreateTime())
                .preferredBackupWindow(s.preferredBackupWindow())
                .backupRetentionPeriod(s.backupRetentionPeriod())
                .dbSecurityGroups(List.of())
                .vpcSecurityGroups(s.vpcSecurityGroupIds().stream()
                        .map(g -> VpcSecurityGroupMembership.builder().vpcSecurityGroupId(g).status("active").build()).toList())
                .dbParameterGroups(DBParameterGroupStatus.builder().dbParameterGroupName(s.parameterGroupName())
                        .parameterApplyStatus(o.parameterApplyStatus()).build())
                .availabilityZone(o.availabilityZone())
                .secondaryAvailabilityZone(o.secondaryAvailabilityZone())
                .preferredMaintenanceWindow(s.preferredMaintenanceWindow())
                .pendingModifiedValues(pending(i.pending()))
                .latestRestorableTime(o.latestRestorableTime())
                .multiAZ(s.multiAz())
                .engineVersion(s.engineVersion())
                .autoMinorVersionUpgrade(s.autoMinorVersionUpgrade())
                .readReplicaDBInstanceIdentifiers(List.of())
                .licenseModel(s.licenseModel())
                .optionGroupMemberships(OptionGroupMembership.builder().optionGroupName(s.optionGroupName()).status("in-sync").build())
                .publiclyAccessible(s.publiclyAccessible())
                .storageType(s.storageType())
                .iops(s.iops())
                .dbInstancePort(0)
                .storageEncrypted(s.storageEncrypted())
                .dbiResourceId(i.resourceId())
                .caCertificateIdentifier(s.caCertificateIdentifier())
                .domainMemberships(List.of())
                .copyTagsToSnapshot(s.copyTagsToSnapshot())
                .monitoringInterval(0)
                .dbInstanceArn(i.arn())
                .iamDatabaseAuthenticationEnabled(false)
                .performanceInsightsEnabled(false)
                .deletionProtection(s.deletionProtection())
                .associatedRoles(List.of())
                .tagList(Tags.toSdk(tx, i.arn()))
                .customerOwnedIpEnabled(false)
                .backupTarget("region")
                .networkType("IPV4")
                .dedicatedLogVolume(false)
                .engineLifecycleSupport("open-source-rds-extended-support");
        if (o.endpointAddress() != null) {
            b.endpoint(Endpoint.builder().address(o.endpointAddress()).port(o.endpointPort()).hostedZoneId(o.hostedZoneId()).build());
        }
        tx.get(DbSubnetGroupRecord.TABLE, s.subnetGroupName()).ifPresent(g -> b.dbSubnetGroup(SubnetGroups.toSdk(g)));
        return b.build();
    }

    private static PendingModifiedValues pending(PendingModifications p) {
        return PendingModifiedValues.builder()
                .dbInstanceClass(p.instanceClass())
                .allocatedStorage(p.allocatedStorage())
                .multiAZ(p.multiAz())
                .masterUserPassword(Boolean.TRUE.equals(p.masterUserPassword()) ? MASKED_PASSWORD : null)
                .backupRetentionPeriod(p.backupRetentionPeriod())
                .storageType(p.storageType())
                .build();
    }
}
