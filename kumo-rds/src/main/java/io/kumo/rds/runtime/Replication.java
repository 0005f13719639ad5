package io.kumo.rds.runtime;

import io.kumo.rds.runtime.engine.DatabaseServer;
import io.kumo.rds.runtime.engine.Engine;
import io.kumo.rds.runtime.engine.Engines;
import io.kumo.rds.runtime.engine.Failover;
import io.kumo.rds.runtime.engine.ServerSpec;

import java.time.Duration;

/** Multi-AZ over either engine: the engine library's MariaDB or PostgreSQL replication behind one face. */
final class Replication {
    static final Duration CATCH_UP = Duration.ofSeconds(120);
    static final Duration APPLY = Duration.ofSeconds(60);

    private final Engines engines;

    Replication(Engines engines) {
        this.engines = engines;
    }

    /** A new standby of a serving primary, built from a copy of it, caught up when this returns. */
    DatabaseServer startStandby(DatabaseServer primary, ServerSpec standby) {
        return primary.spec().engine() == Engine.MARIADB
                ? engines.mariaDbReplication().startStandby(primary, standby, CATCH_UP)
                : engines.postgresReplication().startStandby(primary, standby, CATCH_UP);
    }

    /** Promotes the standby; a live primary (a planned failover) is stopped first, a dead one not waited for. */
    Failover failover(DatabaseServer primary, DatabaseServer standby) {
        return primary.spec().engine() == Engine.MARIADB
                ? engines.mariaDbReplication().failover(primary, standby, APPLY)
                : engines.postgresReplication().failover(primary, standby, APPLY);
    }

    /** The old primary's (or a dead standby's) node back as the standby of {@code primary}, rejoined or rebuilt. */
    DatabaseServer restoreStandby(ServerSpec node, DatabaseServer primary) {
        engines.killLeftover(node.home());
        return node.engine() == Engine.MARIADB
                ? engines.mariaDbReplication().restartAsStandby(node, primary, CATCH_UP)
                : engines.postgresReplication().rebuildAsStandby(node, primary, CATCH_UP);
    }

    /** A primary that (re)started with a standby: MariaDB's master side of semi-sync is a run-time setting. */
    void primaryRestarted(DatabaseServer primary) {
        if (primary.spec().engine() == Engine.MARIADB) {
            engines.mariaDbReplication().actAsPrimary(primary);
        }
    }

    /** The standby is gone: a PostgreSQL primary would otherwise wait for it on every commit. */
    void standbyGone(DatabaseServer primary) {
        if (primary.spec().engine() == Engine.POSTGRES && primary.isAlive()) {
            engines.postgresReplication().runAlone(primary);
        }
    }
}
