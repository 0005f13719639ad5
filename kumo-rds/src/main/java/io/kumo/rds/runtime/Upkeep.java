package io.kumo.rds.runtime;

import io.kumo.core.store.StoreScope;
import io.kumo.rds.event.Events;
import io.kumo.rds.instance.DbInstanceRecord;
import io.kumo.rds.runtime.engine.DatabaseServer;
import io.kumo.rds.runtime.engine.Engine;
import io.kumo.rds.runtime.engine.Failover;
import io.kumo.rds.runtime.engine.ServerSpec;

import java.nio.file.Files;
import java.util.Optional;

/**
 * Keeps an instance's servers running: adopted after a Kumo restart, restarted after a crash,
 * failed over to the standby when the primary dies, a lost standby rebuilt.
 */
final class Upkeep {
    private final StepSupport k;

    Upkeep(StepSupport support) {
        this.k = support;
    }

    /** The instance's servers, running: adopted, restarted, or failed over; null when it has to wait. */
    Servers ensureRunning(StoreScope scope, DbInstanceRecord rec, DbServersRecord srv) {
        Servers s = k.p.running().computeIfAbsent(StepSupport.key(scope, rec.identifier()), x -> new Servers());
        if (k.namespace(srv.primary()) == null || !k.p.ready().test(Engine.forEngineName(rec.settings().engine()))) {
            return null;
        }
        GroupParameters params = k.parameters(scope, rec);
        if (!s.primaryAlive()) {
            boolean died = s.primary != null;
            if (died && s.standbyAlive()) {
                failover(scope, rec, srv, s, false);
                return null;
            }
            s.primary = adoptOrStart(k.spec(rec, srv, srv.primary(), params.startup()));
            if (died) {
                StepSupport.LOG.log(System.Logger.Level.WARNING, "the primary of " + rec.identifier() + " died; restarted as " + s.primary);
                k.record(scope, rec, "DB instance restarted", "availability");
            }
            if (srv.standby() != null) {
                k.p.replication().primaryRestarted(s.primary);
            }
        }
        if (srv.standby() != null && !s.standbyAlive()) {
            if (k.namespace(srv.standby()) == null) {
                return null;
            }
            ServerSpec spec = k.spec(rec, srv, srv.standby(), params.startup());
            Optional<DatabaseServer> adopted = s.standby == null ? adopt(spec) : Optional.empty();
            if (adopted.isPresent()) {
                s.standby = adopted.get();
            } else {
                replaceStandby(s, spec);
            }
        }
        k.p.names().publish(StepSupport.address(scope, rec.identifier()), srv.vpcId(), srv.primary().privateIp());
        return s;
    }

    /** A new standby on the node of {@code spec}: rejoined from its data directory where it has one, else copied from the primary. */
    void replaceStandby(Servers s, ServerSpec spec) {
        if (s.standby != null) {
            k.p.replication().standbyGone(s.primary);
        }
        s.standby = null;
        s.standby = k.watch(Files.isDirectory(spec.layout().data())
                ? k.p.replication().restoreStandby(spec, s.primary) : k.p.replication().startStandby(s.primary, spec));
    }

    private DatabaseServer adoptOrStart(ServerSpec spec) {
        Optional<DatabaseServer> adopted = adopt(spec);
        if (adopted.isPresent()) {
            return adopted.get();
        }
        k.p.engines().killLeftover(spec.home());
        return k.watch(k.p.engines().start(spec));
    }

    /** A server an earlier Kumo left running in this node's namespace (not a namespace since re-made), answering. */
    private Optional<DatabaseServer> adopt(ServerSpec spec) {
        Optional<DatabaseServer> found = k.p.engines().adopt(spec);
        if (found.isPresent() && Dirs.inNamespace(found.get().pid(), spec.namespace()) && found.get().admin().isHealthy()) {
            StepSupport.LOG.log(System.Logger.Level.INFO, "adopted " + found.get());
            return Optional.of(k.watch(found.get()));
        }
        found.ifPresent(DatabaseServer::kill);
        return Optional.empty();
    }

    /** Promotes the standby and points the endpoint at it; the old primary's node comes back as the standby. */
    void failover(StoreScope scope, DbInstanceRecord rec, DbServersRecord srv, Servers s, boolean planned) {
        k.record(scope, rec, "Multi-AZ instance failover started", "failover");
        Failover f = k.p.replication().failover(s.primary, s.standby);
        k.p.names().publish(StepSupport.address(scope, rec.identifier()), srv.vpcId(), srv.standby().privateIp());
        s.primary = f.newPrimary();
        s.standby = null;
        k.write(scope, tx -> {
            tx.get(DbInstanceRecord.TABLE, rec.identifier()).ifPresent(cur -> {
                tx.put(DbInstanceRecord.TABLE, cur.identifier(), cur.failedOver());
                Events.record(tx, k.p.clock().instant(), Events.INSTANCE, cur.identifier(), cur.arn(), "Multi-AZ instance failover completed", "failover");
            });
            tx.get(DbServersRecord.TABLE, rec.identifier()).ifPresent(x -> tx.put(DbServersRecord.TABLE, x.instanceIdentifier(), x.swapped()));
            return null;
        });
        StepSupport.LOG.log(System.Logger.Level.INFO, (planned ? "planned" : "unplanned") + " failover of " + rec.identifier() + " to "
                + f.newPrimary() + " in " + f.total().toMillis() + " ms (waited " + f.applyWait().toMillis() + " ms for the standby to apply)");
        GroupParameters params = k.parameters(scope, rec);
        s.standby = k.watch(k.p.replication().restoreStandby(k.spec(rec, srv, srv.primary(), params.startup()), s.primary));
    }
}
