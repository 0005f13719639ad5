package io.kumo.rds.runtime.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Consistent copies of running servers, taken while they keep serving, and new servers from them.
 *
 * <p>MariaDB: a temporary replica (a template copy replaying the server's binlog, not part of
 * semi-sync) catches up with the server's position, stops replicating and shuts down cleanly;
 * its data directory is the snapshot. PostgreSQL: {@link PostgresCopy}, the low-level backup API;
 * the copy recovers to the backup's end at its first start.
 */
public final class Snapshots {
    private final Engines engines;

    Snapshots(Engines engines) {
        this.engines = engines;
    }

    /** Takes a snapshot of {@code server} into {@code dir} (which must not exist). */
    public Snapshot take(DatabaseServer server, Path dir, Duration timeout) {
        if (Files.exists(dir)) {
            throw new EngineException("snapshot directory " + dir + " exists already");
        }
        long start = System.nanoTime();
        String position = switch (server.spec().engine()) {
            case MARIADB -> takeMariaDb(server, dir, timeout);
            case POSTGRES -> takePostgres(server, dir);
        };
        return new Snapshot(server.spec().engine(), dir, position, FileTrees.sizeOf(dir), Duration.ofNanos(System.nanoTime() - start));
    }

    /** A new server from a snapshot: its data directory copied into {@code spec}'s home, started with a new administrative password. */
    public DatabaseServer restore(Snapshot snapshot, ServerSpec spec) {
        if (snapshot.engine() != spec.engine()) {
            throw new EngineException("a " + snapshot.engine().describe() + " snapshot cannot make a " + spec.engine().describe() + " server");
        }
        engines.dataDirectories().createFrom(snapshot.dir(), spec.home());
        DatabaseServer server = engines.start(spec);
        try {
            server.admin().rotateAdminPassword();
            return server;
        } catch (RuntimeException e) {
            server.kill();
            throw e;
        }
    }

    private String takeMariaDb(DatabaseServer server, Path dir, Duration timeout) {
        MariaDbReplication replication = engines.mariaDbReplication();
        replication.actAsPrimary(server);
        ServerSpec source = server.spec();
        // named apart from the snapshot (identifiers run to 255 characters): the helper's socket path must fit in 107 bytes
        Path helperHome = dir.resolveSibling(".r-" + UUID.randomUUID().toString().substring(0, 8));
        ServerSpec helperSpec = source.withHome(helperHome)
                .withAddress("127.0.0.1", FreePorts.pick(source.namespace(), "127.0.0.1"))
                .withServerId(1_000_000 + (int) (Math.random() * 1_000_000))
                .withParameters(Map.of("rpl_semi_sync_slave_enabled", "OFF", "innodb_buffer_pool_size", "16M"));
        DatabaseServer helper = null;
        try {
            engines.dataDirectories().create(engines.binaries(Engine.MARIADB), helperHome);
            ServerHome.writePrivate(helperSpec.layout().data().resolve(MariaDbReplication.REPLICATION_SECRET),
                    Files.readString(source.layout().data().resolve(MariaDbReplication.REPLICATION_SECRET)).strip());
            helper = engines.start(helperSpec);
            replication.replicateFrom(helper, source, false);
            replication.catchUp(server, helper, timeout);
            String position;
            try (Connection c = Jdbc.admin(helperSpec)) {
                Sql.exec(c, "STOP SLAVE", "RESET SLAVE ALL");
                position = Sql.one(c, "SELECT @@GLOBAL.gtid_slave_pos");
            }
            helper.stop(Duration.ofSeconds(60));
            helper = null;
            Files.deleteIfExists(helperSpec.layout().data().resolve("ibtmp1"));
            Files.createDirectories(dir.getParent());
            Files.move(helperSpec.layout().data(), dir, StandardCopyOption.ATOMIC_MOVE);
            return position;
        } catch (IOException | SQLException e) {
            throw new EngineException("cannot snapshot " + server + ": " + e.getMessage(), e);
        } finally {
            if (helper != null) {
                helper.kill();
            }
            FileTrees.deleteQuietly(helperHome);
        }
    }

    private String takePostgres(DatabaseServer server, Path dir) {
        return PostgresCopy.copyRunning(server, dir);
    }
}
