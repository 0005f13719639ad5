package io.kumo.rds.runtime;

import io.kumo.rds.runtime.engine.DatabaseServer;

import java.time.Duration;

/** The server processes of one DB instance that this Kumo runs (or adopted): changed by that instance's worker only. */
final class Servers {
    volatile DatabaseServer primary;
    volatile DatabaseServer standby;

    boolean primaryAlive() {
        return primary != null && primary.isAlive();
    }

    boolean standbyAlive() {
        return standby != null && standby.isAlive();
    }

    /** Stops both, the standby first so the primary never waits for a departing standby. */
    void stopAll(Duration grace) {
        DatabaseServer s = standby;
        DatabaseServer p = primary;
        standby = null;
        primary = null;
        if (s != null) {
            s.stop(grace);
        }
        if (p != null) {
            p.stop(grace);
        }
    }
}
