package io.kumo.rds.runtime.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * Multi-AZ for MariaDB: a standby fed by GTID replication with semi-synchronous acknowledgement
 * (AFTER_SYNC: a commit is acknowledged to its client only once the standby has it in its relay
 * log), promotion that first applies everything the standby received, and failover.
 *
 * <p>A standby is built while the primary keeps serving, without locking it: a fresh copy of the
 * engine's template replays the primary's whole binlog, which every Kumo server keeps from its
 * first start (binlog on from birth, never purged). So the standby is exactly the primary's data,
 * users included. (The bundled binaries have no mariadb-backup for a physical copy.)
 */
public final class MariaDbReplication {
    static final String REPLICATION_USER = "kumo_repl";
    static final String REPLICATION_SECRET = "kumo-repl.secret";

    private final Engines engines;

    MariaDbReplication(Engines engines) {
        this.engines = engines;
    }

    /**
     * Builds a standby of {@code primary} in {@code standbySpec}'s home (a new data directory),
     * starts it, connects it with semi-sync, and returns once it has caught up with the primary's
     * position at the time of the call.
     */
    public DatabaseServer startStandby(DatabaseServer primary, ServerSpec standbySpec, Duration catchUp) {
        actAsPrimary(primary);
        engines.dataDirectories().create(engines.binaries(Engine.MARIADB), standbySpec.home());
        copyReplicationSecret(primary.spec(), standbySpec);
        DatabaseServer standby = engines.start(standbySpec);
        try {
            standby.admin().rotateAdminPassword();
            replicateFrom(standby, primary.spec(), true);
            catchUp(primary, standby, catchUp);
            return standby;
        } catch (RuntimeException e) {
            standby.kill();
            throw e;
        }
    }

    /** Makes {@code server} writable and the master side of semi-sync on; creates the replication account once. */
    public void actAsPrimary(DatabaseServer server) {
        ServerHome home = server.spec().layout();
        try (Connection c = Jdbc.admin(server.spec())) {
            Path secretFile = home.data().resolve(REPLICATION_SECRET);
            if (!Files.exists(secretFile)) {
                String secret = ServerHome.newSecret();
                // binlogged on purpose: standbys get the account too, for when they are promoted
                Sql.exec(c, "CREATE OR REPLACE USER '" + REPLICATION_USER + "'@'%' IDENTIFIED BY " + Sql.mariaDbString(secret),
                        "GRANT REPLICATION SLAVE, REPLICATION CLIENT, SLAVE MONITOR ON *.* TO '" + REPLICATION_USER + "'@'%'");
                ServerHome.writePrivate(secretFile, secret);
            }
            Sql.exec(c, "SET GLOBAL read_only = OFF", "SET GLOBAL rpl_semi_sync_master_enabled = ON");
        } catch (SQLException e) {
            throw new EngineException("cannot make " + server + " a primary: " + e.getMessage(), e);
        }
    }

    /**
     * Promotes a standby: waits (up to {@code applyTimeout}) until it has applied every
     * transaction it received, which semi-sync makes a superset of the acknowledged ones, then
     * stops replication and makes it a writable primary. If the wait times out nothing is
     * reset (the relay log would be lost with acknowledged commits in it): it throws, and the
     * standby stays a standby.
     */
    public String promote(DatabaseServer standby, Duration applyTimeout) {
        try (Connection c = Jdbc.admin(standby.spec(), (int) applyTimeout.toSeconds() + 10)) {
            Map<String, String> status = Sql.row(c, "SHOW SLAVE STATUS");
            if (status == null) {
                throw new EngineException(standby + " is not a replica");
            }
            String received = status.get("Gtid_IO_Pos");
            String waited = Sql.one(c, "SELECT MASTER_GTID_WAIT(" + Sql.mariaDbString(received) + ", " + applyTimeout.toMillis() / 1000.0 + ")");
            if (!"0".equals(waited)) {
                throw new EngineException("standby " + standby + " did not apply all it received (" + received + ") within "
                        + applyTimeout.toMillis() + " ms; not promoted");
            }
            Sql.exec(c, "STOP SLAVE", "RESET SLAVE ALL", "SET GLOBAL rpl_semi_sync_master_enabled = ON", "SET GLOBAL read_only = OFF");
            return received;
        } catch (SQLException e) {
            throw new EngineException("cannot promote " + standby + ": " + e.getMessage(), e);
        }
    }

    /**
     * Fails over from {@code primary} to {@code standby}. A live primary (ForceFailover) first
     * stops taking writes (a global read lock held until it is stopped) and the standby catches
     * up to its exact position; a dead one is not waited for. The old primary is stopped either
     * way; {@link #rejoin} brings it back as the new standby.
     */
    public Failover failover(DatabaseServer primary, DatabaseServer standby, Duration applyTimeout) {
        long start = System.nanoTime();
        boolean planned = primary.isAlive();
        Connection lock = null;
        try {
            if (planned) {
                lock = Jdbc.admin(primary.spec(), (int) applyTimeout.toSeconds() + 10);
                Sql.exec(lock, "SET SESSION lock_wait_timeout = " + Math.max(1, applyTimeout.toSeconds()), "FLUSH TABLES WITH READ LOCK");
                String position = Sql.one(lock, "SELECT @@GLOBAL.gtid_binlog_pos");
                waitForPosition(standby, position, applyTimeout);
            }
        } catch (SQLException e) {
            closeQuietly(lock);
            throw new EngineException("cannot stop writes on " + primary + " for a failover: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
        long applyStart = System.nanoTime();
        String position;
        try {
            position = promote(standby, applyTimeout);
        } finally {
            if (planned) {
                primary.stop(Duration.ofSeconds(30));
                closeQuietly(lock);
            }
        }
        if (!planned && primary.isAlive()) {
            primary.kill();
        }
        long end = System.nanoTime();
        return new Failover(standby, planned, position, Duration.ofNanos(end - applyStart), Duration.ofNanos(end - start));
    }

    /**
     * Starts a dead old primary again as the standby of {@code newPrimary}. It starts with
     * init_rpl_role=SLAVE, so its crash recovery drops the transactions it had written to its
     * binlog but not committed: those a client was never told were committed, which the standby
     * never got. Then it {@link #rejoin}s (or is rebuilt).
     */
    public DatabaseServer restartAsStandby(ServerSpec oldPrimary, DatabaseServer newPrimary, Duration catchUp) {
        java.util.Map<String, String> parameters = new java.util.HashMap<>(oldPrimary.parameters());
        parameters.put("init_rpl_role", "SLAVE");
        return rejoin(engines.start(oldPrimary.withParameters(parameters)), newPrimary, catchUp);
    }

    /**
     * Makes a restarted old primary the standby of {@code newPrimary}, continuing from its own
     * position. When it cannot (it has a transaction the new primary never got, which strict GTID
     * mode refuses), the old server is rebuilt as a fresh standby from the template.
     */
    public DatabaseServer rejoin(DatabaseServer oldPrimary, DatabaseServer newPrimary, Duration catchUp) {
        try {
            copyReplicationSecret(newPrimary.spec(), oldPrimary.spec());
            try (Connection c = Jdbc.admin(oldPrimary.spec())) {
                Sql.exec(c, "SET GLOBAL rpl_semi_sync_master_enabled = OFF", "SET GLOBAL read_only = ON",
                        "SET GLOBAL gtid_slave_pos = @@GLOBAL.gtid_binlog_pos");
            }
            replicateFrom(oldPrimary, newPrimary.spec(), true);
            catchUp(newPrimary, oldPrimary, catchUp);
            return oldPrimary;
        } catch (SQLException | EngineException e) {
            ServerSpec spec = oldPrimary.spec();
            oldPrimary.stop(Duration.ofSeconds(30));
            FileTrees.deleteQuietly(spec.layout().data());
            return startStandby(newPrimary, spec, catchUp);
        }
    }

    /** Points {@code replica} at {@code source} and starts replication; semi-sync acknowledgement only for a real standby. */
    void replicateFrom(DatabaseServer replica, ServerSpec source, boolean semiSync) {
        String secret = readSecret(replica.spec());
        ReplicationRoute.Via via = engines.route().to(source, replica.spec());
        try (Connection c = Jdbc.admin(replica.spec())) {
            Sql.exec(c, "SET GLOBAL rpl_semi_sync_master_enabled = OFF", "SET GLOBAL read_only = ON",
                    "SET GLOBAL rpl_semi_sync_slave_enabled = " + (semiSync ? "ON" : "OFF"),
                    "CHANGE MASTER TO MASTER_HOST = " + Sql.mariaDbString(via.host()) + ", MASTER_PORT = " + via.port()
                            + ", MASTER_USER = '" + REPLICATION_USER + "', MASTER_PASSWORD = " + Sql.mariaDbString(secret)
                            + ", MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1",
                    "START SLAVE");
        } catch (SQLException e) {
            throw new EngineException("cannot make " + replica + " replicate from " + source.connectAddress() + ":" + source.port() + ": " + e.getMessage(), e);
        }
    }

    /** Waits until {@code replica} has applied everything {@code source} has in its binlog now, and checks replication runs. */
    void catchUp(DatabaseServer source, DatabaseServer replica, Duration timeout) {
        String position;
        try (Connection c = Jdbc.admin(source.spec())) {
            position = Sql.one(c, "SELECT @@GLOBAL.gtid_binlog_pos");
        } catch (SQLException e) {
            throw new EngineException("cannot read the position of " + source + ": " + e.getMessage(), e);
        }
        waitForPosition(replica, position, timeout);
    }

    /**
     * Waits until {@code replica} has applied exactly {@code position}: MASTER_GTID_WAIT compares
     * sequence numbers only, which a diverged server (one with a transaction of the same number
     * from another server) would pass; so the GTIDs themselves are compared too.
     */
    private static void waitForPosition(DatabaseServer replica, String position, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Long, Gtid> target = Gtid.parse(position);
        try (Connection c = Jdbc.admin(replica.spec(), (int) timeout.toSeconds() + 10)) {
            while (true) {
                String waited = Sql.one(c, "SELECT MASTER_GTID_WAIT(" + Sql.mariaDbString(position) + ", 0.2)");
                if ("0".equals(waited) && Gtid.reached(Gtid.parse(Sql.one(c, "SELECT @@GLOBAL.gtid_slave_pos")), target)) {
                    return;
                }
                Map<String, String> status = Sql.row(c, "SHOW SLAVE STATUS");
                if (status != null && (!"0".equals(status.get("Last_IO_Errno")) || !"0".equals(status.get("Last_SQL_Errno")))) {
                    throw new EngineException("replication into " + replica + " failed: " + status.get("Last_IO_Error") + " " + status.get("Last_SQL_Error"));
                }
                if (System.nanoTime() > deadline) {
                    throw new EngineException(replica + " did not reach " + position + " within " + timeout.toMillis() + " ms");
                }
            }
        } catch (SQLException e) {
            throw new EngineException("cannot follow the replication of " + replica + ": " + e.getMessage(), e);
        }
    }

    private static void copyReplicationSecret(ServerSpec from, ServerSpec to) {
        try {
            ServerHome.writePrivate(to.layout().data().resolve(REPLICATION_SECRET), readSecret(from));
        } catch (EngineException e) {
            throw new EngineException(from.home() + " has no replication account yet (call actAsPrimary on it first)", e);
        }
    }

    private static String readSecret(ServerSpec spec) {
        try {
            return Files.readString(spec.layout().data().resolve(REPLICATION_SECRET)).strip();
        } catch (IOException e) {
            throw new EngineException("no replication secret in " + spec.layout().data() + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // the server is going away anyway
            }
        }
    }
}
