package io.kumo.rds.runtime;

import io.kumo.core.store.StoreScope;
import io.kumo.rds.instance.DbInstanceRecord;
import io.kumo.rds.instance.InstanceStatus;
import io.kumo.rds.runtime.engine.DatabaseServer;

import java.util.List;

/**
 * "rebooting": the primary restarted, or with ForceFailover the standby promoted and the old
 * primary back as the standby. Either way both servers come out running the group's current
 * values, static ones included: a standby that must change them restarts first, while the
 * primary still serves.
 */
final class Reboots {
    private final StepSupport k;
    private final Upkeep upkeep;

    Reboots(StepSupport support, Upkeep upkeep) {
        this.k = support;
        this.upkeep = upkeep;
    }

    void reboot(StoreScope scope, DbInstanceRecord rec, DbServersRecord srv, Servers s) {
        GroupParameters params = k.parameters(scope, rec);
        boolean staticsChanged = !params.statics().equals(srv.startedStatics());
        boolean failover = rec.reboot() != null && rec.reboot().forceFailover() && srv.standby() != null && s.standbyAlive();
        if (failover) {
            if (staticsChanged) {
                restartStandby(rec, srv, s, params);
            }
            upkeep.failover(scope, rec, srv, s, true);
        } else {
            s.primary.stop(StepSupport.STOP_GRACE);
            s.primary = k.watch(k.p.engines().start(k.spec(rec, srv, srv.primary(), params.startup())));
            if (srv.standby() != null) {
                k.p.replication().primaryRestarted(s.primary);
                if (staticsChanged && s.standbyAlive()) {
                    restartStandby(rec, srv, s, params);
                }
            }
        }
        k.write(scope, tx -> {
            tx.get(DbServersRecord.TABLE, srv.instanceIdentifier()).ifPresent(x -> tx.put(DbServersRecord.TABLE, x.instanceIdentifier(),
                    x.withParameters(params.statics(), List.copyOf(params.dynamic().keySet()))));
            return null;
        });
        k.finish(scope, rec.identifier(), InstanceStatus.REBOOTING, r -> r.rebooted()
                .withParameterApplyStatus(InstanceStatus.PARAMETERS_IN_SYNC, params.revision())
                .withStatus(InstanceStatus.AVAILABLE), "DB instance restarted");
    }

    /** The standby stopped and rejoined with the group's values; the primary runs alone meanwhile, never waiting for it. */
    private void restartStandby(DbInstanceRecord rec, DbServersRecord srv, Servers s, GroupParameters params) {
        DatabaseServer old = s.standby;
        k.p.replication().standbyGone(s.primary);
        s.standby = null;
        old.stop(StepSupport.STOP_GRACE);
        upkeep.replaceStandby(s, k.spec(rec, srv, srv.standby(), params.startup()));
    }
}
