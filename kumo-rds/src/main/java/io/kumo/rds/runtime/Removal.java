package io.kumo.rds.runtime;

import io.kumo.core.store.StoreScope;
import io.kumo.rds.event.Events;
import io.kumo.rds.instance.DbInstanceRecord;
import io.kumo.rds.instance.InstanceStatus;
import io.kumo.rds.tag.Tags;

import java.time.Duration;

/** "stopping", "deleting" (after the final snapshot, if asked), and an instance whose record is gone. */
final class Removal {
    private static final Duration FORGET_GRACE = Duration.ofSeconds(10);

    private final StepSupport k;
    private final Upkeep upkeep;
    private final SnapshotTaking snapshots;

    Removal(StepSupport support, Upkeep upkeep, SnapshotTaking snapshots) {
        this.k = support;
        this.upkeep = upkeep;
        this.snapshots = snapshots;
    }

    void stop(StoreScope scope, DbInstanceRecord rec) {
        stopServers(scope, rec.identifier(), StepSupport.STOP_GRACE);
        k.finish(scope, rec.identifier(), InstanceStatus.STOPPING, r -> r.withStatus(InstanceStatus.STOPPED), "DB instance stopped");
    }

    void delete(StoreScope scope, DbInstanceRecord rec, DbServersRecord srv) {
        if (rec.finalSnapshotIdentifier() != null && srv != null) {
            Servers s = upkeep.ensureRunning(scope, rec, srv);
            if (s == null) {
                return;
            }
            snapshots.takeRequested(scope, rec, s);
        }
        stopServers(scope, rec.identifier(), StepSupport.STOP_GRACE);
        if (srv != null) {
            k.wipe(srv);
        }
        k.write(scope, tx -> {
            tx.get(DbServersRecord.TABLE, rec.identifier()).ifPresent(x -> {
                x.nodes().forEach(n -> k.p.interfaces().delete(tx, n.networkInterfaceId()));
                tx.delete(DbServersRecord.TABLE, rec.identifier());
            });
            tx.get(DbInstanceRecord.TABLE, rec.identifier()).ifPresent(cur -> {
                tx.delete(DbInstanceRecord.TABLE, cur.identifier());
                Tags.forget(tx, cur.arn());
                Events.record(tx, k.p.clock().instant(), Events.INSTANCE, cur.identifier(), cur.arn(), "DB instance deleted", "deletion");
            });
            return null;
        });
    }

    /** The record is gone (a reset, say): nothing of the instance may keep running. */
    void forget(StoreScope scope, String id, DbServersRecord srv) {
        stopServers(scope, id, FORGET_GRACE);
        if (srv != null) {
            k.wipe(srv);
            k.write(scope, tx -> {
                srv.nodes().forEach(n -> k.p.interfaces().delete(tx, n.networkInterfaceId()));
                tx.delete(DbServersRecord.TABLE, id);
                return null;
            });
        }
    }

    /** Stops the servers and withdraws the endpoint's name; the data stays. */
    void stopServers(StoreScope scope, String id, Duration grace) {
        Servers s = k.p.running().remove(StepSupport.key(scope, id));
        if (s != null) {
            s.stopAll(grace);
        }
        k.p.names().withdraw(StepSupport.address(scope, id));
    }
}
