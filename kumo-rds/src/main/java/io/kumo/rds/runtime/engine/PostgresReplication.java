package io.kumo.rds.runtime.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Multi-AZ for PostgreSQL: a streaming standby made from a copy of the running primary
 * ({@link PostgresCopy}), synchronous once it has caught up (a commit returns only when the
 * standby has flushed it), and promotion with pg_promote, which first replays all WAL the standby
 * received. An old primary is rebuilt as the new standby (pg_rewind is not bundled).
 *
 * <p>A server's role lives in {@code data/kumo-replication.conf} (included by postgresql.conf),
 * so it survives restarts: synchronous_standby_names on a primary with a standby, primary_conninfo
 * on a standby.
 */
public final class PostgresReplication {
    static final String ROLE_FILE = "kumo-replication.conf";
    private static final String REPLICATION_USER = "kumo_repl";
    private static final String SECRET = "kumo-repl.secret";
    private static final String STANDBY_NAME = "kumo_standby";

    private final Engines engines;

    PostgresReplication(Engines engines) {
        this.engines = engines;
    }

    /** Builds a standby of {@code primary} in {@code standbySpec}'s home, and makes the primary wait for it once it has caught up. */
    public DatabaseServer startStandby(DatabaseServer primary, ServerSpec standbySpec, Duration catchUp) {
        String secret = ensureReplicationRole(primary);
        engines.dataDirectories().prepareHome(standbySpec.home());
        PostgresCopy.copyRunning(primary, standbySpec.layout().data());
        Path data = standbySpec.layout().data();
        ReplicationRoute.Via via = engines.route().to(primary.spec(), standbySpec);
        writeRole(data, "primary_conninfo = 'host=" + via.host() + " port=" + via.port() + " user=" + REPLICATION_USER
                + " password=" + secret + " application_name=" + STANDBY_NAME + " connect_timeout=2'\n");
        try {
            Files.writeString(data.resolve("standby.signal"), "");
        } catch (IOException e) {
            throw new EngineException("cannot mark " + data + " as a standby: " + e.getMessage(), e);
        }
        engines.account().own(standbySpec.home());
        DatabaseServer standby = engines.start(standbySpec);
        try {
            awaitStreaming(primary, standby, catchUp);
            writeRole(primary.spec().layout().data(), "synchronous_standby_names = '" + STANDBY_NAME + "'\n");
            reload(primary);
            Waits.until(catchUp, "the standby of " + primary + " to become synchronous",
                    () -> "sync".equals(query(primary, "SELECT sync_state FROM pg_stat_replication WHERE application_name = '" + STANDBY_NAME + "'")));
            return standby;
        } catch (RuntimeException e) {
            standby.kill();
            throw e;
        }
    }

    /** Promotes a standby (pg_promote waits until it has replayed what it received) and lets it commit without a standby. */
    public String promote(DatabaseServer standby, Duration timeout) {
        String promoted = query(standby, "SELECT pg_promote(true, " + Math.max(1, timeout.toSeconds()) + ")");
        if (!"t".equals(promoted)) {
            throw new EngineException(standby + " was not promoted within " + timeout.toSeconds() + " s");
        }
        writeRole(standby.spec().layout().data(), "");
        reload(standby);
        return query(standby, "SELECT pg_current_wal_lsn()");
    }

    /**
     * Fails over to {@code standby}. A live primary is shut down first (a clean shutdown sends
     * the standby all its WAL); a dead one is not waited for.
     */
    public Failover failover(DatabaseServer primary, DatabaseServer standby, Duration timeout) {
        long start = System.nanoTime();
        boolean planned = primary.isAlive();
        if (planned) {
            primary.stop(timeout);
        } else {
            primary.kill();
        }
        long promoting = System.nanoTime();
        String position = promote(standby, timeout);
        long end = System.nanoTime();
        return new Failover(standby, planned, position, Duration.ofNanos(end - promoting), Duration.ofNanos(end - start));
    }

    /**
     * Lets a primary commit without waiting for its standby: PostgreSQL has no timeout like
     * MariaDB's semi-sync, so when the standby dies its primary's commits would wait for ever.
     */
    public void runAlone(DatabaseServer primary) {
        writeRole(primary.spec().layout().data(), "");
        reload(primary);
    }

    /** Makes the old primary's home a new standby of {@code newPrimary}: its data is rebuilt from a copy. */
    public DatabaseServer rebuildAsStandby(ServerSpec oldPrimary, DatabaseServer newPrimary, Duration catchUp) {
        engines.killLeftover(oldPrimary.home());
        FileTrees.deleteQuietly(oldPrimary.layout().data());
        return startStandby(newPrimary, oldPrimary, catchUp);
    }

    private String ensureReplicationRole(DatabaseServer primary) {
        Path file = primary.spec().layout().data().resolve(SECRET);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
        } catch (IOException e) {
            throw new EngineException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String secret = ServerHome.newSecret();
        try (Connection c = Jdbc.admin(primary.spec())) {
            Sql.exec(c, "CREATE ROLE " + REPLICATION_USER + " REPLICATION LOGIN PASSWORD " + Sql.postgresString(secret));
        } catch (SQLException e) {
            throw new EngineException("cannot create the replication role on " + primary + ": " + e.getMessage(), e);
        }
        ServerHome.writePrivate(file, secret);
        return secret;
    }

    private static void awaitStreaming(DatabaseServer primary, DatabaseServer standby, Duration timeout) {
        String target = query(primary, "SELECT pg_current_wal_lsn()");
        Waits.until(timeout, standby + " to replay up to " + target, () -> {
            String replayed = query(standby, "SELECT pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn");
            return "t".equals(replayed);
        });
    }

    private static void writeRole(Path data, String text) {
        try {
            Files.writeString(data.resolve(ROLE_FILE), "# the server's replication role, written by Kumo\n" + text);
        } catch (IOException e) {
            throw new EngineException("cannot write " + data.resolve(ROLE_FILE) + ": " + e.getMessage(), e);
        }
    }

    private static void reload(DatabaseServer server) {
        query(server, "SELECT pg_reload_conf()");
    }

    private static String query(DatabaseServer server, String sql) {
        try (Connection c = Jdbc.admin(server.spec())) {
            return Sql.one(c, sql);
        } catch (SQLException e) {
            throw new EngineException(sql + " on " + server + " failed: " + e.getMessage(), e);
        }
    }
}
