package io.kumo.rds.snapshot;

import io.kumo.rds.RdsFixture;
import io.kumo.rds.instance.DbInstanceRecord;
import io.kumo.rds.instance.InstanceSettings;
import io.kumo.rds.instance.Observed;
import io.kumo.rds.instance.PendingModifications;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.CreateDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsRequest;

import java.util.List;

import static io.kumo.rds.RdsFixture.fails;
import static org.assertj.core.api.Assertions.assertThat;

class SnapshotHandlersTest {
    private final RdsFixture kumo = new RdsFixture();

    private void instance(String status) {
        InstanceSettings.Builder b = new InstanceSettings.Builder();
        b.engine = "postgres";
        b.engineVersion = "16.9";
        b.instanceClass = "db.t3.micro";
        b.allocatedStorage = 20;
        b.storageType = "gp2";
        b.masterUsername = "postgres";
        b.masterUserPassword = "Passw0rd123";
        b.port = 5432;
        b.vpcId = RdsFixture.VPC;
        b.subnetGroupName = "db-subnets";
        b.licenseModel = "postgresql-license";
        b.copyTagsToSnapshot = true;
        DbInstanceRecord i = new DbInstanceRecord("pg", "arn:aws:rds:ap-northeast-1:000000000000:db:pg", "db-ABC", kumo.now, b.build(),
                PendingModifications.NONE, Observed.creating().withStatus(status), null, null, null);
        kumo.write(tx -> {
            tx.put(DbInstanceRecord.TABLE, "pg", i);
            io.kumo.rds.tag.Tags.add(tx, i.arn(), List.of(software.amazon.awssdk.services.rds.model.Tag.builder().key("team").value("db").build()));
            return null;
        });
    }

    private void snapshot(String id) {
        new CreateDBSnapshot().handle(kumo.ctx(), CreateDbSnapshotRequest.builder().dbInstanceIdentifier("pg").dbSnapshotIdentifier(id).build());
    }

    @Test
    void aSnapshotIsCreatingAndTheInstanceBackingUpUntilTheRuntimeFinishes() {
        instance("creating");
        fails(() -> snapshot("s1"), "InvalidDBInstanceState");
        kumo.runtime("pg", i -> i.withStatus("available"));
        snapshot("S1");
        assertThat(kumo.instance("pg").status()).isEqualTo("backing-up");
        var described = new DescribeDBSnapshots().handle(kumo.ctx(), DescribeDbSnapshotsRequest.builder().snapshotType("manual").build())
                .dbSnapshots();
        assertThat(described).hasSize(1);
        assertThat(described.getFirst().dbSnapshotIdentifier()).isEqualTo("s1");
        assertThat(described.getFirst().status()).isEqualTo("creating");
        assertThat(described.getFirst().engine()).isEqualTo("postgres");
        assertThat(described.getFirst().tagList()).as("CopyTagsToSnapshot").hasSize(1);
        assertThat(new DescribeDBSnapshots().handle(kumo.ctx(), DescribeDbSnapshotsRequest.builder().snapshotType("automated").build())
                .dbSnapshots()).isEmpty();
        kumo.runtime("pg", i -> i.withStatus("available"));
        fails(() -> snapshot("s1"), "DBSnapshotAlreadyExists");
        fails(() -> new DeleteDBSnapshot().handle(kumo.ctx(), DeleteDbSnapshotRequest.builder().dbSnapshotIdentifier("s1").build()),
                "InvalidDBSnapshotState");
        kumo.write(tx -> {
            tx.put(DbSnapshotRecord.TABLE, "s1", tx.get(DbSnapshotRecord.TABLE, "s1").orElseThrow().available(kumo.now));
            return null;
        });
        assertThat(new DeleteDBSnapshot().handle(kumo.ctx(), DeleteDbSnapshotRequest.builder().dbSnapshotIdentifier("s1").build())
                .dbSnapshot().status()).isEqualTo("deleted");
        fails(() -> new DescribeDBSnapshots().handle(kumo.ctx(), DescribeDbSnapshotsRequest.builder().dbSnapshotIdentifier("s1").build()),
                "DBSnapshotNotFound");
    }
}
