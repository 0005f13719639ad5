package io.kumo.rds.instance;

import io.kumo.core.store.StoreScope;
import io.kumo.rds.parameter.DbParameterGroupRecord;
import io.kumo.rds.snapshot.DbSnapshotRecord;
import io.kumo.store.EmbeddedStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The records survive a restart unchanged: the runtime re-converges from them. */
class RecordDurabilityTest {
    private static final StoreScope SCOPE = new StoreScope("000000000000", "ap-northeast-1");

    private static EmbeddedStore open(Path dir) {
        EmbeddedStore store = EmbeddedStore.durable(dir);
        store.register(DbInstanceRecord.TABLE);
        store.register(DbParameterGroupRecord.TABLE);
        store.register(DbSnapshotRecord.TABLE);
        store.open();
        return store;
    }

    @Test
    void instancesParameterGroupsAndSnapshotsRoundTrip(@TempDir Path dir) {
        InstanceSettings.Builder b = new InstanceSettings.Builder();
        b.engine = "mysql";
        b.engineVersion = "8.0.42";
        b.instanceClass = "db.t3.micro";
        b.allocatedStorage = 20;
        b.storageType = "gp2";
        b.masterUsername = "admin";
        b.masterUserPassword = "Passw0rd123";
        b.port = 3306;
        b.vpcSecurityGroupIds = List.of("sg-1");
        b.multiAz = true;
        Instant t = Instant.parse("2026-11-22T03:49:00.123Z");
        DbInstanceRecord instance = new DbInstanceRecord("wp-db", "arn", "db-X", t, b.build(),
                new PendingModifications("db.t3.small", null, true, true, null, null),
                Observed.creating().withPrimary("ap-northeast-1a", "subnet-a").withStandby("ap-northeast-1c", "subnet-c"),
                new DbInstanceRecord.Reboot(t, true), "snap", null);
        DbParameterGroupRecord group = new DbParameterGroupRecord("wp", "mysql8.0", "d", "arn", Map.of("max_connections",
                new DbParameterGroupRecord.UserValue("200", "immediate", "dynamic")), 3, t);
        DbSnapshotRecord snapshot = new DbSnapshotRecord("snap", "arn", "manual", "creating", 0, t, null, "wp-db", "db-X", null, null,
                "db-Y", b.build());
        try (EmbeddedStore store = open(dir)) {
            store.write(SCOPE, tx -> {
                tx.put(DbInstanceRecord.TABLE, "wp-db", instance);
                tx.put(DbParameterGroupRecord.TABLE, "wp", group);
                tx.put(DbSnapshotRecord.TABLE, "snap", snapshot);
                return null;
            });
        }
        try (EmbeddedStore store = open(dir)) {
            assertThat(store.<java.util.Optional<DbInstanceRecord>>read(SCOPE, tx -> tx.get(DbInstanceRecord.TABLE, "wp-db"))).contains(instance);
            assertThat(store.<java.util.Optional<DbParameterGroupRecord>>read(SCOPE, tx -> tx.get(DbParameterGroupRecord.TABLE, "wp"))).contains(group);
            assertThat(store.<java.util.Optional<DbSnapshotRecord>>read(SCOPE, tx -> tx.get(DbSnapshotRecord.TABLE, "snap"))).contains(snapshot);
        }
    }
}
