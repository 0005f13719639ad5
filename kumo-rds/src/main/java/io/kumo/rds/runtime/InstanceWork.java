package io.kumo.rds.runtime;

import io.kumo.core.store.StoreScope;
import io.kumo.rds.instance.DbInstanceRecord;
import io.kumo.rds.instance.InstanceStatus;

/**
 * One step of one DB instance toward what its record says, on that instance's worker (never two
 * at once for an instance): each status of docs/rds.md ("For the runtime") has its step, and
 * every status with servers first has them kept running ({@link Upkeep}). A step that must wait
 * (an interface not wired yet, binaries still unpacking) returns, and the next pass tries again.
 */
final class InstanceWork {
    private final StepSupport k;
    private final Creation creation;
    private final Upkeep upkeep;
    private final Changes changes;
    private final Reboots reboots;
    private final Removal removal;

    InstanceWork(StepSupport.Parts parts) {
        this.k = new StepSupport(parts);
        NodePlacement placement = new NodePlacement(parts.interfaces());
        SnapshotTaking snapshots = new SnapshotTaking(k);
        this.upkeep = new Upkeep(k);
        this.creation = new Creation(k, placement, snapshots);
        this.changes = new Changes(k, placement);
        this.reboots = new Reboots(k, upkeep);
        this.removal = new Removal(k, upkeep, snapshots);
    }

    void step(StoreScope scope, String id) {
        DbInstanceRecord rec = k.instance(scope, id);
        DbServersRecord srv = k.servers(scope, id);
        if (rec == null) {
            removal.forget(scope, id, srv);
            return;
        }
        switch (rec.status()) {
            case InstanceStatus.CREATING -> creation.create(scope, rec, srv);
            case InstanceStatus.DELETING -> removal.delete(scope, rec, srv);
            case InstanceStatus.STOPPING -> removal.stop(scope, rec);
            case InstanceStatus.INCOMPATIBLE_PARAMETERS -> removal.stopServers(scope, id, StepSupport.STOP_GRACE);
            case InstanceStatus.STOPPED, InstanceStatus.FAILED -> { }
            default -> {
                if (srv != null) {
                    serve(scope, rec, srv);
                }
            }
        }
    }

    private void serve(StoreScope scope, DbInstanceRecord before, DbServersRecord srvBefore) {
        Servers s = upkeep.ensureRunning(scope, before, srvBefore);
        if (s == null) {
            return;
        }
        // keeping the servers up may have failed over: the step works on what the records say now
        DbInstanceRecord rec = k.instance(scope, before.identifier());
        DbServersRecord srv = k.servers(scope, before.identifier());
        if (rec == null || srv == null) {
            return;
        }
        switch (rec.status()) {
            case InstanceStatus.BACKING_UP -> creation.backUp(scope, rec, s);
            case InstanceStatus.MODIFYING -> changes.modify(scope, rec, srv, s);
            case InstanceStatus.RESETTING_MASTER_CREDENTIALS -> changes.resetPassword(scope, rec, s);
            case InstanceStatus.REBOOTING -> reboots.reboot(scope, rec, srv, s);
            case InstanceStatus.STARTING -> k.finish(scope, rec.identifier(), InstanceStatus.STARTING,
                    r -> r.withStatus(InstanceStatus.AVAILABLE), "DB instance started");
            case InstanceStatus.AVAILABLE -> {
                changes.syncGroups(scope, rec, srv);
                changes.syncParameters(scope, rec, srv, s);
            }
            default -> { }
        }
    }
}
