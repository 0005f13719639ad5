package io.kumo.rds.runtime.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresFailoverTest {
    private static final MasterAccount MASTER = new MasterAccount("master", "Secret-pw1", "appdb");

    private final Engines engines = TestEngines.engines();
    private final PostgresReplication replication = engines.postgresReplication();
    private TestEngines.Scope scope;

    @BeforeEach
    void open() {
        scope = TestEngines.scope();
    }

    @AfterEach
    void close() {
        scope.close();
    }

    @Test
    void aSynchronousStandbyTakesOverWithoutLosingAcknowledgedCommits() throws Exception {
        ServerSpec primarySpec = scope.postgres("primary");
        ServerSpec standbySpec = scope.postgres("standby");
        DatabaseServer primary = engines.createInstance(primarySpec, MASTER);
        execute(primarySpec, "CREATE TABLE t (id int PRIMARY KEY)");
        DatabaseServer standby;
        try (Writer during = new Writer(primarySpec, MASTER.user(), MASTER.password(), "t", 200)) {
            long t0 = System.nanoTime();
            standby = replication.startStandby(primary, standbySpec, Duration.ofSeconds(60));
            System.out.printf("PostgreSQL standby built and synchronous in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        }

        Writer writer = new Writer(primarySpec, MASTER.user(), MASTER.password(), "t", 100_000);
        Thread.sleep(1500);
        long killedAt = System.nanoTime();
        primary.kill();
        Failover failover = replication.failover(primary, standby, Duration.ofSeconds(30));
        long promotedAt = System.nanoTime();
        writer.awaitEnd();
        assertThat(failover.planned()).isFalse();
        assertThat(writer.acknowledged()).hasSizeGreaterThan(10);
        assertThat(ids(standbySpec)).containsAll(writer.acknowledged());
        execute(standbySpec, "INSERT INTO t VALUES (-1)");
        System.out.printf("PostgreSQL unplanned failover: %d acknowledged commits kept, kill to promoted %d ms%n",
                writer.acknowledged().size(), (promotedAt - killedAt) / 1_000_000);

        DatabaseServer rebuilt = replication.rebuildAsStandby(primarySpec, standby, Duration.ofSeconds(60));
        assertThat(ids(primarySpec)).contains(-1).containsAll(writer.acknowledged());

        Writer second = new Writer(standbySpec, MASTER.user(), MASTER.password(), "t", 100_000);
        Thread.sleep(1000);
        Failover planned = replication.failover(standby, rebuilt, Duration.ofSeconds(30));
        second.awaitEnd();
        assertThat(planned.planned()).isTrue();
        assertThat(second.acknowledged()).hasSizeGreaterThan(10);
        assertThat(ids(primarySpec)).containsAll(second.acknowledged());
        execute(primarySpec, "INSERT INTO t VALUES (-2)");
        System.out.printf("PostgreSQL planned failover: %d acknowledged commits kept, %d ms%n", second.acknowledged().size(), planned.total().toMillis());

        // a dead synchronous standby holds commits until the primary is told to run alone
        DatabaseServer lastStandby = replication.rebuildAsStandby(standbySpec, rebuilt, Duration.ofSeconds(60));
        lastStandby.kill();
        var insert = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                execute(primarySpec, "INSERT INTO t VALUES (-3)");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(500);
        assertThat(insert).isNotDone();
        replication.runAlone(rebuilt);
        insert.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(ids(primarySpec)).contains(-3);
    }

    private static void execute(ServerSpec spec, String sql) throws SQLException {
        try (Connection c = Jdbc.connect(spec, MASTER.user(), MASTER.password(), "appdb"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Set<Integer> ids(ServerSpec spec) throws SQLException {
        Set<Integer> ids = new HashSet<>();
        try (Connection c = Jdbc.connect(spec, MASTER.user(), MASTER.password(), "appdb"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM t")) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }
}
