package io.kumo.rds.runtime;

import io.kumo.core.store.StoreScope;
import io.kumo.rds.instance.DbInstanceRecord;
import io.kumo.rds.instance.InstanceStatus;
import io.kumo.rds.runtime.engine.DatabaseServer;

import java.util.List;

/** "modifying", "resetting-master-credentials", and the changes an available instance follows: its parameter group, its security groups. */
final class Changes {
    private final StepSupport k;
    private final NodePlacement placement;

    Changes(StepSupport support, NodePlacement placement) {
        this.k = support;
        this.placement = placement;
    }

    void modify(StoreScope scope, DbInstanceRecord rec, DbServersRecord srv, Servers s) {
        Boolean multiAz = rec.pending().multiAz();
        if (Boolean.TRUE.equals(multiAz) && srv.standby() == null) {
            // the standby's interface now; the next pass builds the standby once it is wired (Upkeep)
            k.write(scope, tx -> placement.addStandby(tx, rec.identifier()));
            k.p.wake().run();
            return;
        }
        if (Boolean.FALSE.equals(multiAz) && srv.standby() != null) {
            dropStandby(scope, srv, s);
        }
        if (Boolean.TRUE.equals(rec.pending().masterUserPassword())) {
            s.primary.admin().setPassword(rec.settings().masterUsername(), rec.settings().masterUserPassword());
        }
        DbServersRecord now = k.read(scope, tx -> tx.get(DbServersRecord.TABLE, rec.identifier()).orElse(srv));
        k.finish(scope, rec.identifier(), InstanceStatus.MODIFYING, r -> {
            DbInstanceRecord next = r.pendingApplied().passwordApplied();
            next = now.standby() == null ? next.withoutStandby() : next.withStandby(now.standby().zone(), now.standby().subnetId());
            return next.withStatus(InstanceStatus.AVAILABLE);
        }, "Finished applying modification to DB instance");
    }

    private void dropStandby(StoreScope scope, DbServersRecord srv, Servers s) {
        DatabaseServer standby = s.standby;
        s.standby = null;
        if (standby != null) {
            standby.stop(StepSupport.STOP_GRACE);
        }
        k.p.replication().standbyGone(s.primary);
        Dirs.delete(k.p.dirs().home(srv.homeKey(), srv.standby().slot()));
        k.write(scope, tx -> {
            k.p.interfaces().delete(tx, srv.standby().networkInterfaceId());
            tx.put(DbServersRecord.TABLE, srv.instanceIdentifier(), srv.withStandby(null));
            return null;
        });
    }

    void resetPassword(StoreScope scope, DbInstanceRecord rec, Servers s) {
        s.primary.admin().setPassword(rec.settings().masterUsername(), rec.settings().masterUserPassword());
        k.finish(scope, rec.identifier(), InstanceStatus.RESETTING_MASTER_CREDENTIALS,
                r -> r.passwordApplied().withStatus(InstanceStatus.AVAILABLE), "Reset master credentials");
    }

    /**
     * A changed group (or another group): dynamic values now on every server, dynamic values the
     * group dropped back to their defaults now, static ones pending a reboot.
     */
    void syncParameters(StoreScope scope, DbInstanceRecord rec, DbServersRecord srv, Servers s) {
        GroupParameters params = k.parameters(scope, rec);
        boolean applying = InstanceStatus.PARAMETERS_APPLYING.equals(rec.observed().parameterApplyStatus());
        if (params.revision() == rec.observed().appliedParameterRevision() && !applying) {
            return;
        }
        List<String> dropped = srv.appliedDynamic().stream().filter(n -> !params.dynamic().containsKey(n)).toList();
        for (DatabaseServer server : new DatabaseServer[]{s.primary, s.standby}) {
            if (server != null && server.isAlive()) {
                if (!params.dynamic().isEmpty()) {
                    server.admin().applyParameters(params.dynamic());
                }
                if (!dropped.isEmpty()) {
                    server.admin().resetParameters(dropped);
                }
            }
        }
        boolean pendingReboot = !params.statics().equals(srv.startedStatics());
        k.write(scope, tx -> {
            tx.get(DbInstanceRecord.TABLE, rec.identifier()).filter(r -> r.status().equals(InstanceStatus.AVAILABLE)).ifPresent(r ->
                    tx.put(DbInstanceRecord.TABLE, r.identifier(), r.withParameterApplyStatus(
                            pendingReboot ? InstanceStatus.PARAMETERS_PENDING_REBOOT : InstanceStatus.PARAMETERS_IN_SYNC, params.revision())));
            tx.get(DbServersRecord.TABLE, rec.identifier()).ifPresent(x -> tx.put(DbServersRecord.TABLE, x.instanceIdentifier(),
                    x.withParameters(x.startedStatics(), List.copyOf(params.dynamic().keySet()))));
            return null;
        });
    }

    /** ModifyDBInstance's security groups go onto the interfaces, where the VPC's firewall applies them. */
    void syncGroups(StoreScope scope, DbInstanceRecord rec, DbServersRecord srv) {
        List<String> wanted = rec.settings().vpcSecurityGroupIds();
        if (wanted.equals(srv.groups())) {
            return;
        }
        k.write(scope, tx -> {
            srv.nodes().forEach(n -> k.p.interfaces().setGroups(tx, n.networkInterfaceId(), wanted));
            tx.put(DbServersRecord.TABLE, srv.instanceIdentifier(), srv.withGroups(wanted));
            return null;
        });
    }
}
