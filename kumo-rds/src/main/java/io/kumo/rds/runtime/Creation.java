package io.kumo.rds.runtime;

import io.kumo.core.store.StoreScope;
import io.kumo.rds.event.Events;
import io.kumo.rds.instance.DbInstanceRecord;
import io.kumo.rds.instance.InstanceStatus;
import io.kumo.rds.runtime.engine.Engine;
import io.kumo.rds.runtime.engine.MasterAccount;
import io.kumo.rds.runtime.engine.ServerSpec;
import io.kumo.rds.runtime.engine.Snapshot;
import io.kumo.rds.support.EndpointNames;

import java.time.Duration;
import java.util.List;

/** "creating" and "backing-up": the servers started (fresh, or from a snapshot), then the first backup. */
final class Creation {
    private final StepSupport k;
    private final NodePlacement placement;
    private final SnapshotTaking snapshots;

    Creation(StepSupport support, NodePlacement placement, SnapshotTaking snapshots) {
        this.k = support;
        this.placement = placement;
        this.snapshots = snapshots;
    }

    void create(StoreScope scope, DbInstanceRecord rec, DbServersRecord placed) {
        DbServersRecord srv = placed != null ? placed : k.write(scope, tx -> placement.place(tx, rec.identifier()));
        if (srv == null) {
            return;
        }
        Engine engine = Engine.forEngineName(rec.settings().engine());
        if (!k.p.ready().test(engine) || k.namespace(srv.primary()) == null || srv.standby() != null && k.namespace(srv.standby()) == null) {
            return;
        }
        GroupParameters params = k.parameters(scope, rec);
        long start = System.nanoTime();
        Servers s = startServers(scope, rec, srv, params);
        k.p.running().put(StepSupport.key(scope, rec.identifier()), s);
        String address = StepSupport.address(scope, rec.identifier());
        DbServersRecord started = srv.withParameters(params.statics(), List.copyOf(params.dynamic().keySet()));
        boolean done = k.write(scope, tx -> {
            DbInstanceRecord cur = tx.get(DbInstanceRecord.TABLE, rec.identifier()).orElse(null);
            if (cur == null || !cur.status().equals(InstanceStatus.CREATING)) {
                return false;
            }
            var now = k.p.clock().instant();
            DbInstanceRecord next = cur.withPrimary(srv.primary().zone(), srv.primary().subnetId())
                    .withEndpoint(address, cur.settings().port(), EndpointNames.hostedZoneId(scope.region()))
                    .passwordApplied()
                    .withParameterApplyStatus(InstanceStatus.PARAMETERS_IN_SYNC, params.revision())
                    .withLatestRestorableTime(now);
            if (srv.standby() != null) {
                next = next.withStandby(srv.standby().zone(), srv.standby().subnetId());
            }
            if (cur.settings().backupRetentionPeriod() > 0) {
                next = next.withStatus(InstanceStatus.BACKING_UP);
                Events.record(tx, now, Events.INSTANCE, cur.identifier(), cur.arn(), "Backing up DB instance", "backup");
            } else {
                next = next.created(now);
            }
            tx.put(DbInstanceRecord.TABLE, cur.identifier(), next);
            tx.put(DbServersRecord.TABLE, cur.identifier(), started);
            return true;
        });
        if (done) {
            k.p.names().publish(address, srv.vpcId(), srv.primary().privateIp());
            StepSupport.LOG.log(System.Logger.Level.INFO, "DB instance " + rec.identifier() + " runs " + s.primary
                    + (s.standby == null ? "" : ", standby " + s.standby) + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
        }
    }

    /** The primary (from the snapshot it is restored from, if any) and the standby; nothing left running if either fails. */
    private Servers startServers(StoreScope scope, DbInstanceRecord rec, DbServersRecord srv, GroupParameters params) {
        Servers s = new Servers();
        try {
            k.wipe(srv);
            ServerSpec spec = k.spec(rec, srv, srv.primary(), params.startup());
            if (rec.restoredFromSnapshot() != null) {
                Engine engine = spec.engine();
                Snapshot snapshot = new Snapshot(engine, k.p.dirs().snapshot(scope, rec.restoredFromSnapshot()), "", 0, Duration.ZERO);
                s.primary = k.watch(k.p.engines().snapshots().restore(snapshot, spec));
                s.primary.admin().setPassword(rec.settings().masterUsername(), rec.settings().masterUserPassword());
            } else {
                s.primary = k.watch(k.p.engines().createInstance(spec, new MasterAccount(rec.settings().masterUsername(),
                        rec.settings().masterUserPassword(), rec.settings().dbName())));
            }
            if (srv.standby() != null) {
                s.standby = k.watch(k.p.replication().startStandby(s.primary, k.spec(rec, srv, srv.standby(), params.startup())));
            }
            return s;
        } catch (RuntimeException e) {
            s.stopAll(Duration.ofSeconds(5));
            throw e;
        }
    }

    void backUp(StoreScope scope, DbInstanceRecord rec, Servers s) {
        if (rec.observed().instanceCreateTime() == null) {
            k.finish(scope, rec.identifier(), InstanceStatus.BACKING_UP, r -> r.created(k.p.clock().instant()), "Finished DB Instance backup");
            return;
        }
        snapshots.takeRequested(scope, rec, s);
        k.finish(scope, rec.identifier(), InstanceStatus.BACKING_UP, r -> r.withStatus(InstanceStatus.AVAILABLE), null);
    }
}
