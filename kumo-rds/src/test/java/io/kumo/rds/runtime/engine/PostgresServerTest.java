package io.kumo.rds.runtime.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresServerTest {
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
    void anInstanceServesItsMasterRoleAndInitialDatabase() throws Exception {
        engines.prepare(Engine.POSTGRES);
        ServerSpec spec = scope.postgres("pg1").withParameters(Map.of("max_connections", "30"));
        long t0 = System.nanoTime();
        DatabaseServer server = engines.createInstance(spec, new MasterAccount("master", "Secret-pw1", "appdb"));
        System.out.printf("PostgreSQL instance from template to master role: %d ms, RSS %d MB%n",
                (System.nanoTime() - t0) / 1_000_000, server.rssBytes() >> 20);
        assertThat(server.admin().version()).startsWith("PostgreSQL 17.6");
        assertThat(server.admin().parameter("max_connections")).isEqualTo("30");

        try (Connection c = Jdbc.connect(spec, "master", "Secret-pw1", "appdb"); Statement s = c.createStatement()) {
            assertThat(Sql.one(c, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'appdb'")).isEqualTo("master");
            assertThat(Sql.one(c, "SELECT rolcreatedb AND rolcreaterole AND rolcanlogin AND NOT rolsuper FROM pg_roles WHERE rolname = 'master'")).isEqualTo("t");
            s.execute("CREATE TABLE t (id int PRIMARY KEY)");
            s.execute("CREATE ROLE app LOGIN PASSWORD 'app-pw'");
            s.execute("CREATE DATABASE other OWNER app");
        }
        assertThatThrownBy(() -> Jdbc.connect(spec, "master", "wrong", "appdb").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");

        server.admin().setPassword("master", "Another-pw2");
        Jdbc.connect(spec, "master", "Another-pw2", "appdb").close();

        ParameterChanges changes = server.admin().applyParameters(Map.of("work_mem", "8MB", "shared_buffers", "32MB", "no_such_thing", "1"));
        assertThat(changes.applied()).containsExactly("work_mem");
        assertThat(changes.pendingRestart()).containsExactly("shared_buffers");
        assertThat(changes.unknown()).containsExactly("no_such_thing");
        assertThat(server.admin().parameter("work_mem")).isEqualTo("8MB");

        server.stop(Duration.ofSeconds(30));
        DatabaseServer again = engines.start(spec.withParameters(Map.of("shared_buffers", "32MB")));
        assertThat(again.admin().parameter("shared_buffers")).isEqualTo("32MB");
        assertThat(again.admin().parameter("work_mem")).isEqualTo("4MB");
        Jdbc.connect(spec, "master", "Another-pw2", "appdb").close();
        again.stop(Duration.ofSeconds(30));
        assertThat(again.isAlive()).isFalse();
    }
}
