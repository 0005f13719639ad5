package io.kumo.rds.runtime.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotTest {
    private static final MasterAccount MASTER = new MasterAccount("admin", "Secret-pw1", "appdb");

    private final Engines engines = TestEngines.engines();
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
    void aMariaDbSnapshotTakenUnderWritesRestoresToAConsistentServer() throws Exception {
        ServerSpec spec = scope.mariaDb("source", 1);
        engines.createInstance(spec, MASTER);
        execute(spec, "CREATE TABLE appdb.t (id INT PRIMARY KEY)");
        Snapshot snapshot;
        try (Writer writer = new Writer(spec, "admin", "Secret-pw1", "t", 100_000)) {
            Thread.sleep(300);
            snapshot = engines.snapshots().take(engines.adopt(spec).orElseThrow(), scope.dir().resolve("snap1"), Duration.ofSeconds(60));
            Thread.sleep(200);
        }
        System.out.printf("MariaDB snapshot at %s: %d MB in %d ms%n", snapshot.position(), snapshot.sizeBytes() >> 20, snapshot.took().toMillis());

        ServerSpec restoredSpec = scope.mariaDb("restored", 5);
        DatabaseServer restored = engines.snapshots().restore(snapshot, restoredSpec);
        var ids = MariaDbFailoverTest.ids(restoredSpec);
        assertThat(ids).isNotEmpty();
        // consistent: the rows are exactly the first n of the sequence (one writer, in order)
        int max = ids.stream().mapToInt(Integer::intValue).max().orElseThrow();
        int min = ids.stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertThat(ids).hasSize(max - min + 1);
        assertThat(MariaDbFailoverTest.ids(spec)).hasSizeGreaterThan(ids.size());
        execute(restoredSpec, "INSERT INTO appdb.t (id) VALUES (-1)");
        // the restored server can have a standby of its own: its binlog carries the whole history
        DatabaseServer standby = engines.mariaDbReplication().startStandby(restored, scope.mariaDb("restored-standby", 6), Duration.ofSeconds(60));
        assertThat(MariaDbFailoverTest.ids(standby.spec())).contains(-1).hasSize(ids.size() + 1);
    }

    @Test
    void aMariaDbSnapshotMayHaveAnIdentifierAsLongAsRdsAllows() throws Exception {
        ServerSpec spec = scope.mariaDb("long", 7);
        DatabaseServer source = engines.createInstance(spec, MASTER);
        // RDS allows 255 characters; the temporary replica's socket must not be named after it
        Snapshot snapshot = engines.snapshots().take(source, scope.dir().resolve("s".repeat(255)), Duration.ofSeconds(60));
        assertThat(snapshot.dir()).isDirectory();
    }

    @Test
    void aPostgresSnapshotTakenUnderWritesRestoresToAConsistentServer() throws Exception {
        ServerSpec spec = scope.postgres("source");
        DatabaseServer source = engines.createInstance(spec, MASTER);
        try (Connection c = Jdbc.connect(spec, "admin", "Secret-pw1", "appdb"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id int PRIMARY KEY)");
            s.execute("INSERT INTO t SELECT generate_series(1, 10000)");
        }
        Snapshot snapshot = engines.snapshots().take(source, scope.dir().resolve("snap1"), Duration.ofSeconds(60));
        try (Connection c = Jdbc.connect(spec, "admin", "Secret-pw1", "appdb"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO t VALUES (-5)");
        }
        System.out.printf("PostgreSQL snapshot at %s: %d MB in %d ms%n", snapshot.position(), snapshot.sizeBytes() >> 20, snapshot.took().toMillis());
        ServerSpec restoredSpec = scope.postgres("restored");
        engines.snapshots().restore(snapshot, restoredSpec);
        try (Connection c = Jdbc.connect(restoredSpec, "admin", "Secret-pw1", "appdb")) {
            assertThat(Sql.one(c, "SELECT count(*) FROM t")).isEqualTo("10000");
        }
    }

    private static void execute(ServerSpec spec, String sql) throws SQLException {
        try (Connection c = Jdbc.connect(spec, MASTER.user(), MASTER.password(), "appdb"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
