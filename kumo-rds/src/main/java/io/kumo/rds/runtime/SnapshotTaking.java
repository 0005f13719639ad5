package io.kumo.rds.runtime;

import io.kumo.core.store.StoreScope;
import io.kumo.rds.event.Events;
import io.kumo.rds.instance.DbInstanceRecord;
import io.kumo.rds.snapshot.DbSnapshotRecord;

import java.time.Duration;
import java.util.List;

/** Completes the snapshots of an instance recorded "creating" (CreateDBSnapshot, or DeleteDBInstance's final one). */
final class SnapshotTaking {
    private static final Duration TAKE_TIMEOUT = Duration.ofSeconds(300);

    private final StepSupport k;

    SnapshotTaking(StepSupport support) {
        this.k = support;
    }

    void takeRequested(StoreScope scope, DbInstanceRecord rec, Servers s) {
        List<DbSnapshotRecord> wanted = k.read(scope, tx -> tx.list(DbSnapshotRecord.TABLE).stream()
                .filter(x -> rec.identifier().equals(x.instanceIdentifier()) && x.status().equals(DbSnapshotRecord.CREATING)).toList());
        for (DbSnapshotRecord snap : wanted) {
            var dir = k.p.dirs().snapshot(scope, snap.identifier());
            Dirs.delete(dir);
            k.p.engines().snapshots().take(s.primary, dir, TAKE_TIMEOUT);
            k.write(scope, tx -> {
                tx.get(DbSnapshotRecord.TABLE, snap.identifier()).filter(x -> x.status().equals(DbSnapshotRecord.CREATING)).ifPresent(x -> {
                    tx.put(DbSnapshotRecord.TABLE, x.identifier(), x.available(k.p.clock().instant()));
                    Events.record(tx, k.p.clock().instant(), Events.SNAPSHOT, x.identifier(), x.arn(), "Manual snapshot created", "creation");
                });
                return null;
            });
        }
    }
}
