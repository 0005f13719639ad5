package io.kumo.rds.runtime.engine;

import io.kumo.fabric.netns.NetworkNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Servers inside a network namespace of their own, reached from the JVM through sockets made in there. */
class NamespaceTest {
    private final Engines engines = TestEngines.engines();
    private TestEngines.Scope scope;
    private NetworkNamespace ns;

    @BeforeEach
    void open() {
        assumeTrue(ServerAccount.forThisProcess().dropsPrivileges(), "network namespaces need root");
        scope = TestEngines.scope();
        // not "kumo-...": a Kumo starting elsewhere on this machine reclaims kumo- namespaces it finds no owner for
        ns = new NetworkNamespace("rdse-test-" + UUID.randomUUID().toString().substring(0, 8)).create();
    }

    @AfterEach
    void close() {
        try {
            if (scope != null) {
                scope.close();
            }
        } finally {
            if (ns != null) {
                NamespaceSocketFactory.forget(ns.name());
                ns.delete();
            }
        }
    }

    @Test
    void mariaDbAndPostgresServeInsideANamespaceOnly() throws Exception {
        int port = TestEngines.freePort();
        ServerSpec spec = ServerSpec.of(Engine.MARIADB, scope.home("ns-maria"), "127.0.0.1", port).inNamespace(ns.name());
        DatabaseServer primary = engines.createInstance(spec, new MasterAccount("admin", "Secret-pw1", "appdb"));
        assertThat(ns.pids()).contains(primary.pid());
        try (Connection c = Jdbc.connect(spec, "admin", "Secret-pw1", "appdb"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            s.execute("INSERT INTO t VALUES (1), (2)");
        }
        assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", port), 500))
                .as("nothing listens on the host's loopback").isInstanceOf(IOException.class);

        // a standby and a snapshot inside the same namespace, replicating over its loopback
        ServerSpec standbySpec = ServerSpec.of(Engine.MARIADB, scope.home("ns-standby"), "127.0.0.1", 3307).inNamespace(ns.name()).withServerId(2);
        DatabaseServer standby = engines.mariaDbReplication().startStandby(primary, standbySpec, Duration.ofSeconds(60));
        assertThat(MariaDbFailoverTest.ids(standby.spec())).containsExactlyInAnyOrder(1, 2);
        Snapshot snapshot = engines.snapshots().take(primary, scope.dir().resolve("ns-snap"), Duration.ofSeconds(60));
        assertThat(snapshot.position()).isNotBlank();

        ServerSpec pg = ServerSpec.of(Engine.POSTGRES, scope.home("ns-pg"), "127.0.0.1", 5432).inNamespace(ns.name());
        DatabaseServer postgres = engines.createInstance(pg, new MasterAccount("master", "Secret-pw1", "appdb"));
        assertThat(ns.pids()).contains(postgres.pid());
        try (Connection c = Jdbc.connect(pg, "master", "Secret-pw1", "appdb")) {
            assertThat(Sql.one(c, "SELECT current_database()")).isEqualTo("appdb");
        }
    }
}
