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

class MariaDbFailoverTest {
    private static final MasterAccount MASTER = new MasterAccount("admin", "Secret-pw1", "appdb");

    private final Engines engines = TestEngines.engines();
    private final MariaDbReplication replication = engines.mariaDbReplication();
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
    void aStandbyTakesOverFromADeadPrimaryAndBackWithoutLosingAcknowledgedCommits() throws Exception {
        ServerSpec primarySpec = scope.mariaDb("primary", 1);
        ServerSpec standbySpec = scope.mariaDb("standby", 2);
        DatabaseServer primary = engines.createInstance(primarySpec, MASTER);
        execute(primarySpec, "CREATE TABLE appdb.t (id INT PRIMARY KEY)");

        // the standby is built while a client keeps writing to the primary
        DatabaseServer standby;
        try (Writer during = new Writer(primarySpec, "admin", "Secret-pw1", "t", 200)) {
            long t0 = System.nanoTime();
            standby = replication.startStandby(primary, standbySpec, Duration.ofSeconds(60));
            System.out.printf("standby built and caught up in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        }
        assertThat(status(primarySpec, "Rpl_semi_sync_master_clients")).isEqualTo("1");
        assertThat(standby.admin().parameter("read_only")).isEqualTo("1");

        // the primary dies under a writer: every acknowledged commit must be on the promoted standby
        Writer writer = new Writer(primarySpec, "admin", "Secret-pw1", "t", 100_000);
        Thread.sleep(1500);
        long killedAt = System.nanoTime();
        primary.kill();
        Failover failover = replication.failover(primary, standby, Duration.ofSeconds(30));
        long promotedAt = System.nanoTime();
        writer.awaitEnd();
        assertThat(failover.planned()).isFalse();
        assertThat(writer.acknowledged()).hasSizeGreaterThan(10);
        assertThat(ids(standbySpec)).containsAll(writer.acknowledged());
        execute(standbySpec, "INSERT INTO appdb.t (id) VALUES (-1)");
        System.out.printf("unplanned failover: %d acknowledged commits kept, kill to promoted %d ms (apply wait %d ms)%n",
                writer.acknowledged().size(), (promotedAt - killedAt) / 1_000_000, failover.applyWait().toMillis());

        // the old primary comes back as the new standby
        Object dataInode = java.nio.file.Files.getAttribute(primarySpec.layout().data(), "unix:ino");
        long restart = System.nanoTime();
        DatabaseServer rejoined = replication.restartAsStandby(primarySpec, standby, Duration.ofSeconds(60));
        assertThat(ids(primarySpec)).contains(-1).containsAll(writer.acknowledged());
        System.out.printf("old primary back as standby in %d ms, %s%n", (System.nanoTime() - restart) / 1_000_000,
                dataInode.equals(java.nio.file.Files.getAttribute(primarySpec.layout().data(), "unix:ino")) ? "rejoined in place" : "rebuilt");
        assertThat(status(standbySpec, "Rpl_semi_sync_master_clients")).isEqualTo("1");

        // ForceFailover with both alive: the writer loses its server, not its commits
        Writer second = new Writer(standbySpec, "admin", "Secret-pw1", "t", 100_000);
        Thread.sleep(1000);
        long start = System.nanoTime();
        Failover planned = replication.failover(standby, rejoined, Duration.ofSeconds(30));
        second.awaitEnd();
        assertThat(planned.planned()).isTrue();
        assertThat(second.acknowledged()).hasSizeGreaterThan(10);
        assertThat(ids(primarySpec)).containsAll(second.acknowledged()).containsAll(writer.acknowledged());
        execute(primarySpec, "INSERT INTO appdb.t (id) VALUES (-2)");
        System.out.printf("planned failover: %d acknowledged commits kept, %d ms; writer error: %s%n",
                second.acknowledged().size(), (System.nanoTime() - start) / 1_000_000, second.error());
        System.out.printf("RSS primary %d MB%n", rejoined.rssBytes() >> 20);
    }

    @Test
    void anOldPrimaryWithATransactionTheStandbyNeverGotIsRebuiltNotRejoined() throws Exception {
        ServerSpec primarySpec = scope.mariaDb("primary", 1);
        ServerSpec standbySpec = scope.mariaDb("standby", 2);
        DatabaseServer primary = engines.createInstance(primarySpec, MASTER);
        execute(primarySpec, "CREATE TABLE appdb.t (id INT PRIMARY KEY)");
        DatabaseServer standby = replication.startStandby(primary, standbySpec, Duration.ofSeconds(60));
        execute(primarySpec, "INSERT INTO appdb.t (id) VALUES (1)");
        primary.kill();
        replication.failover(primary, standby, Duration.ofSeconds(30));
        execute(standbySpec, "INSERT INTO appdb.t (id) VALUES (2)");

        // the old primary comes back with a transaction of its own (as an unacknowledged one would be)
        DatabaseServer oldPrimary = engines.start(primarySpec);
        execute(primarySpec, "INSERT INTO appdb.t (id) VALUES (-99)");
        DatabaseServer rebuilt = replication.rejoin(oldPrimary, standby, Duration.ofSeconds(60));
        assertThat(rebuilt.pid()).isNotEqualTo(oldPrimary.pid());
        assertThat(oldPrimary.isAlive()).isFalse();
        assertThat(ids(primarySpec)).containsExactlyInAnyOrder(1, 2);
        execute(standbySpec, "INSERT INTO appdb.t (id) VALUES (3)");
        assertThat(status(standbySpec, "Rpl_semi_sync_master_clients")).isEqualTo("1");
    }

    private static void execute(ServerSpec spec, String sql) throws SQLException {
        try (Connection c = Jdbc.connect(spec, MASTER.user(), MASTER.password(), "appdb"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static Set<Integer> ids(ServerSpec spec) throws SQLException {
        Set<Integer> ids = new HashSet<>();
        try (Connection c = Jdbc.connect(spec, MASTER.user(), MASTER.password(), "appdb"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM t")) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }

    private static String status(ServerSpec spec, String name) throws SQLException {
        try (Connection c = Jdbc.connect(spec, MASTER.user(), MASTER.password(), null); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE '" + name + "'")) {
            return rs.next() ? rs.getString(2) : null;
        }
    }
}
