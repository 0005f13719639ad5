package io.kumo.rds.instance;

import io.kumo.rds.RdsFixture;
import io.kumo.rds.event.EventRecord;
import io.kumo.rds.subnetgroup.DbSubnetGroupRecord;
import io.kumo.rds.support.EndpointNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DeleteDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.RebootDbInstanceRequest;

import java.util.List;
import java.util.function.Consumer;

import static io.kumo.rds.RdsFixture.fails;
import static org.assertj.core.api.Assertions.assertThat;

/** The API's part of an instance's life, with the fixture playing the runtime through the record's mutation API. */
class InstanceLifecycleTest {
    private final RdsFixture kumo = new RdsFixture();

    @BeforeEach
    void subnetGroup() {
        kumo.write(tx -> {
            tx.put(DbSubnetGroupRecord.TABLE, "db-subnets", new DbSubnetGroupRecord("db-subnets", "arn:aws:rds:x:0:subgrp:db-subnets",
                    "d", RdsFixture.VPC, List.of(new DbSubnetGroupRecord.Subnet(RdsFixture.SUBNET_A, "ap-northeast-1a"),
                    new DbSubnetGroupRecord.Subnet(RdsFixture.SUBNET_C, "ap-northeast-1c"))));
            return null;
        });
    }

    private DBInstance create(String id, Consumer<CreateDbInstanceRequest.Builder> extra) {
        CreateDbInstanceRequest.Builder b = CreateDbInstanceRequest.builder().dbInstanceIdentifier(id).engine("mysql")
                .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("admin").masterUserPassword("Passw0rd123")
                .dbSubnetGroupName("db-subnets").vpcSecurityGroupIds(RdsFixture.DB_SG);
        extra.accept(b);
        return new CreateDBInstance(() -> kumo).handle(kumo.ctx(), b.build()).dbInstance();
    }

    private DbInstanceRecord available(String id) {
        String address = EndpointNames.address(id, RdsFixture.ACCOUNT, RdsFixture.REGION);
        return kumo.runtime(id, i -> i.withPrimary("ap-northeast-1a", RdsFixture.SUBNET_A)
                .withEndpoint(address, i.settings().port(), EndpointNames.hostedZoneId(RdsFixture.REGION))
                .passwordApplied().created(kumo.now));
    }

    private DBInstance modify(Consumer<ModifyDbInstanceRequest.Builder> change) {
        ModifyDbInstanceRequest.Builder b = ModifyDbInstanceRequest.builder().dbInstanceIdentifier("wp-db");
        change.accept(b);
        return new ModifyDBInstance(() -> kumo).handle(kumo.ctx(), b.build()).dbInstance();
    }

    @Test
    void aNewInstanceIsCreatingWithWhatRdsShowsAtThatPoint() {
        DBInstance db = create("WP-DB", b -> b.dbName("wordpress").tags(t -> t.key("env").value("test")));
        assertThat(db.dbInstanceIdentifier()).isEqualTo("wp-db");
        assertThat(db.dbInstanceStatus()).isEqualTo("creating");
        assertThat(db.engineVersion()).isEqualTo("8.4.6");
        assertThat(db.dbParameterGroups().getFirst().dbParameterGroupName()).isEqualTo("default.mysql8.4");
        assertThat(db.optionGroupMemberships().getFirst().optionGroupName()).isEqualTo("default:mysql-8-4");
        assertThat(db.pendingModifiedValues().masterUserPassword()).isEqualTo("****");
        assertThat(db.endpoint()).isNull();
        assertThat(db.availabilityZone()).isNull();
        assertThat(db.dbSubnetGroup().vpcId()).isEqualTo(RdsFixture.VPC);
        assertThat(db.tagList()).hasSize(1);
        assertThat(kumo.<List<EventRecord>>read(tx -> tx.list(EventRecord.TABLE))).extracting(EventRecord::message).containsExactly("DB instance created");
        assertThat(kumo.instance("wp-db").settings().masterUserPassword()).isEqualTo("Passw0rd123");
        fails(() -> create("wp-db", b -> { }), "DBInstanceAlreadyExists");
    }

    @Test
    void placementIsCheckedAsRdsChecksIt() {
        fails(() -> create("a", b -> b.multiAZ(true).availabilityZone("ap-northeast-1a")), "InvalidParameterCombination");
        fails(() -> create("a", b -> b.availabilityZone("ap-northeast-1d")), "InvalidParameterCombination");
        fails(() -> create("a", b -> b.vpcSecurityGroupIds(RdsFixture.OTHER_SG)), "InvalidParameterCombination");
        fails(() -> create("a", b -> b.vpcSecurityGroupIds("sg-0000000000000dead")), "InvalidParameterValue");
        fails(() -> create("a", b -> b.dbSubnetGroupName("nope")), "DBSubnetGroupNotFoundFault");
        fails(() -> create("a", b -> b.dbParameterGroupName("default.postgres16")), "InvalidParameterCombination");
        fails(() -> create("a", b -> b.dbParameterGroupName("nope")), "DBParameterGroupNotFound");
        fails(() -> create("a", b -> b.optionGroupName("nope")), "OptionGroupNotFoundFault");
        fails(() -> create("a", b -> b.dbInstanceClass("db.x9.huge")), "InvalidParameterCombination");
        fails(() -> create("a", b -> b.allocatedStorage(10)), "InvalidParameterValue");
        fails(() -> create("a", b -> b.engine("oracle-ee")), "InvalidParameterValue");
        assertThat(kumo.<List<DbInstanceRecord>>read(tx -> tx.list(DbInstanceRecord.TABLE))).isEmpty();
        assertThat(create("a", b -> b.vpcSecurityGroupIds(List.of())).vpcSecurityGroups().getFirst().vpcSecurityGroupId())
                .isEqualTo(RdsFixture.DEFAULT_SG);
    }

    @Test
    void theRuntimeMakesItAvailableAndDescribeShowsEndpointAndZone() {
        create("wp-db", b -> { });
        available("wp-db");
        DBInstance db = new DescribeDBInstances().handle(kumo.ctx(), DescribeDbInstancesRequest.builder().dbInstanceIdentifier("wp-db")
                .build()).dbInstances().getFirst();
        assertThat(db.dbInstanceStatus()).isEqualTo("available");
        assertThat(db.endpoint().address()).matches("wp-db\\.[a-z0-9]{12}\\.ap-northeast-1\\.rds\\.amazonaws\\.com");
        assertThat(db.endpoint().port()).isEqualTo(3306);
        assertThat(db.availabilityZone()).isEqualTo("ap-northeast-1a");
        assertThat(db.instanceCreateTime()).isEqualTo(kumo.now);
        assertThat(db.pendingModifiedValues().masterUserPassword()).isNull();
    }

    @Test
    void modifyWithoutApplyImmediatelyLeavesPendingValues() {
        create("wp-db", b -> { });
        available("wp-db");
        DBInstance db = modify(b -> b.dbInstanceClass("db.t3.small").multiAZ(true).deletionProtection(true));
        assertThat(db.dbInstanceStatus()).isEqualTo("available");
        assertThat(db.dbInstanceClass()).isEqualTo("db.t3.micro");
        assertThat(db.pendingModifiedValues().dbInstanceClass()).isEqualTo("db.t3.small");
        assertThat(db.pendingModifiedValues().multiAZ()).isTrue();
        assertThat(db.deletionProtection()).as("applied at once").isTrue();
    }

    @Test
    void modifyWithApplyImmediatelyIsModifyingUntilTheRuntimeAppliesIt() {
        create("wp-db", b -> { });
        available("wp-db");
        DBInstance db = modify(b -> b.multiAZ(true).applyImmediately(true));
        assertThat(db.dbInstanceStatus()).isEqualTo("modifying");
        assertThat(db.multiAZ()).isFalse();
        fails(() -> modify(b -> b.multiAZ(false)), "InvalidDBInstanceState");

        DbInstanceRecord done = kumo.runtime("wp-db", i -> i.pendingApplied().withStandby("ap-northeast-1c", RdsFixture.SUBNET_C)
                .withStatus(InstanceStatus.AVAILABLE));
        assertThat(done.settings().multiAz()).isTrue();
        assertThat(done.pending().isEmpty()).isTrue();
        DbInstanceRecord failedOver = done.failedOver();
        assertThat(failedOver.observed().availabilityZone()).isEqualTo("ap-northeast-1c");
        assertThat(failedOver.observed().secondaryAvailabilityZone()).isEqualTo("ap-northeast-1a");
        assertThat(failedOver.observed().primarySubnetId()).isEqualTo(RdsFixture.SUBNET_C);
    }

    @Test
    void aNewPasswordResetsMasterCredentials() {
        create("wp-db", b -> { });
        available("wp-db");
        fails(() -> modify(b -> b.masterUserPassword("short")), "InvalidParameterValue");
        DBInstance db = modify(b -> b.masterUserPassword("An0therPassword"));
        assertThat(db.dbInstanceStatus()).isEqualTo("resetting-master-credentials");
        assertThat(db.pendingModifiedValues().masterUserPassword()).isEqualTo("****");
        assertThat(kumo.instance("wp-db").settings().masterUserPassword()).isEqualTo("An0therPassword");
    }

    @Test
    void forceFailoverNeedsMultiAz() {
        create("wp-db", b -> { });
        RebootDBInstance reboot = new RebootDBInstance();
        fails(() -> reboot.handle(kumo.ctx(), RebootDbInstanceRequest.builder().dbInstanceIdentifier("wp-db").build()), "InvalidDBInstanceState");
        available("wp-db");
        fails(() -> reboot.handle(kumo.ctx(), RebootDbInstanceRequest.builder().dbInstanceIdentifier("wp-db").forceFailover(true).build()),
                "InvalidParameterCombination");
        assertThat(reboot.handle(kumo.ctx(), RebootDbInstanceRequest.builder().dbInstanceIdentifier("wp-db").build())
                .dbInstance().dbInstanceStatus()).isEqualTo("rebooting");
        assertThat(kumo.instance("wp-db").reboot().forceFailover()).isFalse();
    }

    @Test
    void deleteNeedsASnapshotDecisionAndRespectsDeletionProtection() {
        create("wp-db", b -> b.deletionProtection(true));
        DeleteDBInstance delete = new DeleteDBInstance();
        fails(() -> delete.handle(kumo.ctx(), DeleteDbInstanceRequest.builder().dbInstanceIdentifier("wp-db").build()),
                "InvalidParameterCombination");
        fails(() -> delete.handle(kumo.ctx(), DeleteDbInstanceRequest.builder().dbInstanceIdentifier("wp-db").skipFinalSnapshot(true).build()),
                "InvalidParameterCombination");
        modifyProtection(false);
        fails(() -> delete.handle(kumo.ctx(), DeleteDbInstanceRequest.builder().dbInstanceIdentifier("wp-db")
                .finalDBSnapshotIdentifier("final").build()), "InvalidDBInstanceState");
        available("wp-db");
        DBInstance db = delete.handle(kumo.ctx(), DeleteDbInstanceRequest.builder().dbInstanceIdentifier("wp-db")
                .finalDBSnapshotIdentifier("Final").build()).dbInstance();
        assertThat(db.dbInstanceStatus()).isEqualTo("deleting");
        assertThat(kumo.instance("wp-db").finalSnapshotIdentifier()).isEqualTo("final");
        fails(() -> delete.handle(kumo.ctx(), DeleteDbInstanceRequest.builder().dbInstanceIdentifier("wp-db").skipFinalSnapshot(true).build()),
                "InvalidDBInstanceState");
    }

    private void modifyProtection(boolean on) {
        kumo.runtime("wp-db", i -> i.withSettings(i.settings().toBuilder().build()).withSettings(withProtection(i.settings(), on)));
    }

    private static InstanceSettings withProtection(InstanceSettings s, boolean on) {
        InstanceSettings.Builder b = s.toBuilder();
        b.deletionProtection = on;
        return b.build();
    }
}
