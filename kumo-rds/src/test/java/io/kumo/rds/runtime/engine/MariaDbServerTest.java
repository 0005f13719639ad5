package io.kumo.rds.runtime.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MariaDbServerTest {
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
    void anInstanceServesItsMasterUserAndTheWordpressSession() throws Exception {
        engines.prepare(Engine.MARIADB);
        ServerSpec spec = scope.mariaDb("db1", 1);
        long t0 = System.nanoTime();
        DatabaseServer server = engines.createInstance(spec, new MasterAccount("admin", "Secret-pw1", "appdb"));
        long created = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("MariaDB instance from template to master user: %d ms, RSS %d MB%n", created, server.rssBytes() >> 20);

        assertThat(server.admin().version()).startsWith("11.4.5-MariaDB");
        assertThat(Files.getOwner(spec.layout().data()).getName()).isIn("nobody", System.getProperty("user.name"));

        try (Connection c = Jdbc.connect(spec, "admin", "Secret-pw1", "appdb"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE wordpress_db DEFAULT CHARACTER SET utf8 COLLATE utf8_general_ci");
            s.execute("CREATE USER 'wordpress_user'@'%' IDENTIFIED BY 'x'");
            s.execute("GRANT ALL ON wordpress_db.* TO 'wordpress_user'@'%'");
            s.execute("FLUSH PRIVILEGES");
            List<String> users = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT user, host FROM mysql.user")) {
                while (rs.next()) {
                    users.add(rs.getString(1) + "@" + rs.getString(2));
                }
            }
            assertThat(users).contains("admin@%", "wordpress_user@%").noneMatch(u -> u.startsWith("@"));
        }
        try (Connection c = Jdbc.connect(spec, "wordpress_user", "x", "wordpress_db"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
        }
        assertThatThrownBy(() -> Jdbc.connect(spec, "admin", "wrong", null).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");

        // the real command-line client, from the bundled binaries, as a user would type it
        var client = new ProcessBuilder(engines.binaries(Engine.MARIADB).bin("mariadb").toString(), "--no-defaults",
                "-h", "127.0.0.1", "-P", String.valueOf(spec.port()), "-u", "admin", "-pSecret-pw1", "-N", "-e",
                "SELECT COUNT(*) FROM mysql.user WHERE user = 'wordpress_user'").redirectErrorStream(true).start();
        assertThat(client.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(client.getInputStream().readAllBytes()).strip()).isEqualTo("1");

        server.admin().setPassword("admin", "Another-pw2");
        Jdbc.connect(spec, "admin", "Another-pw2", null).close();
    }

    @Test
    void parametersApplyAtOnceOrAfterARestart() throws Exception {
        ServerSpec spec = scope.mariaDb("db2", 1).withParameters(Map.of("max_connections", "40", "character_set_server", "utf8mb4"));
        DatabaseServer server = engines.createInstance(spec, new MasterAccount("admin", "Secret-pw1", null));
        assertThat(server.admin().parameter("max_connections")).isEqualTo("40");
        assertThat(server.admin().parameter("character_set_server")).isEqualTo("utf8mb4");
        assertThat(server.admin().parameter("innodb_buffer_pool_size")).isEqualTo(String.valueOf(16 << 20));

        ParameterChanges changes = server.admin().applyParameters(Map.of("max_connections", "77", "innodb_log_buffer_size", "8M", "no_such_thing", "1"));
        assertThat(changes.applied()).containsExactly("max_connections");
        assertThat(changes.pendingRestart()).containsExactly("innodb_log_buffer_size");
        assertThat(changes.unknown()).containsExactly("no_such_thing");
        assertThat(server.admin().parameter("max_connections")).isEqualTo("77");

        server.stop(Duration.ofSeconds(30));
        assertThat(server.isAlive()).isFalse();
        ServerSpec restarted = spec.withParameters(Map.of("max_connections", "77", "innodb_log_buffer_size", "8M"));
        long t0 = System.nanoTime();
        DatabaseServer again = engines.start(restarted);
        System.out.printf("MariaDB restart to accepting: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertThat(again.admin().parameter("innodb_log_buffer_size")).isEqualTo(String.valueOf(8 << 20));
        Jdbc.connect(spec, "admin", "Secret-pw1", null).close();

        // a restarted Kumo finds the server it started, and nothing once it is gone
        assertThat(engines.adopt(restarted)).hasValueSatisfying(s -> assertThat(s.pid()).isEqualTo(again.pid()));
        assertThatThrownBy(() -> engines.start(restarted)).isInstanceOf(EngineException.class).hasMessageContaining("already runs");
        again.kill();
        assertThat(engines.adopt(restarted)).isEmpty();
    }

    @Test
    void aServerThatCannotStartSaysWhyWithItsLog() throws Exception {
        ServerSpec spec = scope.mariaDb("db3", 1);
        engines.dataDirectories().create(engines.binaries(Engine.MARIADB), spec.home());
        try (var busy = new java.net.ServerSocket()) {
            busy.bind(new java.net.InetSocketAddress("127.0.0.1", spec.port()));
            assertThatThrownBy(() -> engines.start(spec)).isInstanceOf(EngineException.class)
                    .hasMessageContaining("exited at start").hasMessageContaining("Address already in use");
        }
        assertThat(engines.adopt(spec)).isEmpty();
    }
}
