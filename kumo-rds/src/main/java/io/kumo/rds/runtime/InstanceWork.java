package io.kumo.rds.runtime;

import io.kumo.core.network.InterfaceNamespaces;
import io.kumo.core.network.ManagedInterfaces;
import io.kumo.core.store.Store;
import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Tx;
import io.kumo.rds.event.Events;
import io.kumo.rds.instance.DbInstanceRecord;
import io.kumo.rds.instance.InstanceStatus;
import io.kumo.rds.runtime.engine.DatabaseServer;
import io.kumo.rds.runtime.engine.Engine;
import io.kumo.rds.runtime.engine.Engines;
import io.kumo.rds.runtime.engine.Failover;
import io.kumo.rds.runtime.engine.MasterAccount;
import io.kumo.rds.runtime.engine.ServerSpec;
import io.kumo.rds.runtime.engine.Snapshot;
import io.kumo.rds.snapshot.DbSnapshotRecord;
import io.kumo.rds.support.EndpointNames;
import io.kumo.rds.tag.Tags;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One step of one DB instance toward what its record says, on that instance's worker (never two
 * at once for an instance): each status of docs/rds.md ("For the runtime"), and keeping its
 * servers running (adopted after a restart, restarted after a crash, failed over to the standby
 * when the primary dies). A step that must wait (an interface not wired yet, binaries still
 * unpacking) returns, and the next pass tries again.
 */
final class InstanceWork {
    private static final System.Logger LOG = System.getLogger("kumo.rds.runtime");
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** What every step uses. */
    record Parts(Store store, Clock clock, Engines engines, Replication replication, RuntimeDirs dirs, InterfaceNamespaces namespaces,
                 ManagedInterfaces interfaces, EndpointDirectory names, Map<String, Servers> running, Runnable wake,
                 Predicate<Engine> ready) {
    }

    private final Parts p;
    private final NodePlacement placement;

    InstanceWork(Parts parts) {
        this.p = parts;
        this.placement = new NodePlacement(parts.interfaces());
    }

    static String key(StoreScope scope, String id) {
        return scope.account() + "/" + scope.region() + "/" + id;
    }

    void step(StoreScope scope, String id) {
        DbInstanceRecord rec = read(scope, tx -> tx.get(DbInstanceRecord.TABLE, id).orElse(null));
        DbServersRecord srv = read(scope, tx -> tx.get(DbServersRecord.TABLE, id).orElse(null));
        if (rec == null) {
            forget(scope, id, srv);
            return;
        }
        switch (rec.status()) {
            case InstanceStatus.CREATING -> create(scope, rec, srv);
            case InstanceStatus.DELETING -> delete(scope, rec, srv);
            case InstanceStatus.STOPPING -> stop(scope, rec);
            case InstanceStatus.STOPPED, InstanceStatus.FAILED -> { }
            default -> {
                if (srv == null) {
                    return;
                }
                Servers s = ensureRunning(scope, rec, srv);
                if (s == null) {
                    return;
                }
                rec = read(scope, tx -> tx.get(DbInstanceRecord.TABLE, id).orElse(null));
                srv = read(scope, tx -> tx.get(DbServersRecord.TABLE, id).orElse(null));
                if (rec == null || srv == null) {
                    return;
                }
                switch (rec.status()) {
                    case InstanceStatus.BACKING_UP -> backUp(scope, rec, s);
                    case InstanceStatus.MODIFYING -> modify(scope, rec, srv, s);
                    case InstanceStatus.RESETTING_MASTER_CREDENTIALS -> resetPassword(scope, rec, s);
                    case InstanceStatus.REBOOTING -> reboot(scope, rec, srv, s);
                    case InstanceStatus.STARTING -> finish(scope, rec.identifier(), InstanceStatus.STARTING,
                            r -> r.withStatus(InstanceStatus.AVAILABLE), "DB instance started");
                    case InstanceStatus.AVAILABLE -> {
                        syncGroups(scope, rec, srv);
                        syncParameters(scope, rec, srv, s);
                    }
                    default -> { }
                }
            }
        }
    }

    // ---- creating

    private void create(StoreScope scope, DbInstanceRecord rec, DbServersRecord placed) {
        DbServersRecord srv = placed != null ? placed : write(scope, tx -> placement.place(tx, rec.identifier()));
        if (srv == null) {
            return;
        }
        Engine engine = Engine.forEngineName(rec.settings().engine());
        if (!p.ready().test(engine) || namespace(srv.primary()) == null || srv.standby() != null && namespace(srv.standby()) == null) {
            return;
        }
        GroupParameters params = read(scope, tx -> GroupParameters.of(tx, rec));
        Servers s = new Servers();
        long start = System.nanoTime();
        try {
            wipe(srv);
            ServerSpec spec = spec(rec, srv, srv.primary(), params.startup());
            if (rec.restoredFromSnapshot() != null) {
                Snapshot snapshot = new Snapshot(engine, p.dirs().snapshot(scope, rec.restoredFromSnapshot()), "", 0, Duration.ZERO);
                s.primary = watch(p.engines().snapshots().restore(snapshot, spec));
                s.primary.admin().setPassword(rec.settings().masterUsername(), rec.settings().masterUserPassword());
            } else {
                s.primary = watch(p.engines().createInstance(spec, new MasterAccount(rec.settings().masterUsername(),
                        rec.settings().masterUserPassword(), rec.settings().dbName())));
            }
            if (srv.standby() != null) {
                s.standby = watch(p.replication().startStandby(s.primary, spec(rec, srv, srv.standby(), params.startup())));
            }
        } catch (RuntimeException e) {
            s.stopAll(Duration.ofSeconds(5));
            throw e;
        }
        p.running().put(key(scope, rec.identifier()), s);
        String address = EndpointNames.address(rec.identifier(), scope.account(), scope.region());
        DbServersRecord started = srv.withParameters(params.statics(), List.copyOf(params.dynamic().keySet()));
        boolean done = write(scope, tx -> {
            DbInstanceRecord cur = tx.get(DbInstanceRecord.TABLE, rec.identifier()).orElse(null);
            if (cur == null || !cur.status().equals(InstanceStatus.CREATING)) {
                return false;
            }
            var now = p.clock().instant();
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
            p.names().publish(address, srv.vpcId(), srv.primary().privateIp());
            LOG.log(System.Logger.Level.INFO, "DB instance " + rec.identifier() + " runs " + s.primary
                    + (s.standby == null ? "" : ", standby " + s.standby) + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
        }
    }

    private void backUp(StoreScope scope, DbInstanceRecord rec, Servers s) {
        if (rec.observed().instanceCreateTime() == null) {
            finish(scope, rec.identifier(), InstanceStatus.BACKING_UP, r -> r.created(p.clock().instant()), "Finished DB Instance backup");
            return;
        }
        takeSnapshots(scope, rec, s);
        finish(scope, rec.identifier(), InstanceStatus.BACKING_UP, r -> r.withStatus(InstanceStatus.AVAILABLE), null);
    }

    /** Completes the snapshots of this instance recorded "creating" (CreateDBSnapshot, or DeleteDBInstance's final one). */
    private void takeSnapshots(StoreScope scope, DbInstanceRecord rec, Servers s) {
        List<DbSnapshotRecord> wanted = read(scope, tx -> tx.list(DbSnapshotRecord.TABLE).stream()
                .filter(x -> rec.identifier().equals(x.instanceIdentifier()) && x.status().equals(DbSnapshotRecord.CREATING)).toList());
        for (DbSnapshotRecord snap : wanted) {
            var dir = p.dirs().snapshot(scope, snap.identifier());
            Dirs.delete(dir);
            p.engines().snapshots().take(s.primary, dir, Duration.ofSeconds(300));
            write(scope, tx -> {
                tx.get(DbSnapshotRecord.TABLE, snap.identifier()).filter(x -> x.status().equals(DbSnapshotRecord.CREATING)).ifPresent(x -> {
                    tx.put(DbSnapshotRecord.TABLE, x.identifier(), x.available(p.clock().instant()));
                    Events.record(tx, p.clock().instant(), Events.SNAPSHOT, x.identifier(), x.arn(), "Manual snapshot created", "creation");
                });
                return null;
            });
        }
    }

    // ---- keeping servers up

    /** The instance's servers, running: adopted, restarted, or failed over; null when it has to wait. */
    private Servers ensureRunning(StoreScope scope, DbInstanceRecord rec, DbServersRecord srv) {
        String key = key(scope, rec.identifier());
        Servers s = p.running().computeIfAbsent(key, k -> new Servers());
        String primaryNs = namespace(srv.primary());
        if (primaryNs == null || !p.ready().test(Engine.forEngineName(rec.settings().engine()))) {
            return null;
        }
        GroupParameters params = read(scope, tx -> GroupParameters.of(tx, rec));
        if (!s.primaryAlive()) {
            boolean died = s.primary != null;
            if (died && s.standbyAlive()) {
                failover(scope, rec, srv, s, false);
                return null;
            }
            s.primary = adoptOrStart(spec(rec, srv, srv.primary(), params.startup()));
            if (died) {
                LOG.log(System.Logger.Level.WARNING, "the primary of " + rec.identifier() + " died; restarted as " + s.primary);
                record(scope, rec, "DB instance restarted", "availability");
            }
            if (srv.standby() != null) {
                p.replication().primaryRestarted(s.primary);
            }
        }
        if (srv.standby() != null && !s.standbyAlive()) {
            if (namespace(srv.standby()) == null) {
                return null;
            }
            ServerSpec spec = spec(rec, srv, srv.standby(), params.startup());
            Optional<DatabaseServer> adopted = s.standby == null ? adopt(spec) : Optional.empty();
            if (adopted.isPresent()) {
                s.standby = adopted.get();
            } else {
                if (s.standby != null) {
                    p.replication().standbyGone(s.primary);
                }
                s.standby = null;
                s.standby = watch(java.nio.file.Files.isDirectory(spec.layout().data())
                        ? p.replication().restoreStandby(spec, s.primary) : p.replication().startStandby(s.primary, spec));
            }
        }
        p.names().publish(EndpointNames.address(rec.identifier(), scope.account(), scope.region()), srv.vpcId(), srv.primary().privateIp());
        return s;
    }

    private DatabaseServer adoptOrStart(ServerSpec spec) {
        Optional<DatabaseServer> adopted = adopt(spec);
        if (adopted.isPresent()) {
            return adopted.get();
        }
        p.engines().killLeftover(spec.home());
        return watch(p.engines().start(spec));
    }

    /** A server an earlier Kumo left running in this node's namespace (not a namespace since re-made), answering. */
    private Optional<DatabaseServer> adopt(ServerSpec spec) {
        Optional<DatabaseServer> found = p.engines().adopt(spec);
        if (found.isPresent() && Dirs.inNamespace(found.get().pid(), spec.namespace()) && found.get().admin().isHealthy()) {
            LOG.log(System.Logger.Level.INFO, "adopted " + found.get());
            return Optional.of(watch(found.get()));
        }
        found.ifPresent(DatabaseServer::kill);
        return Optional.empty();
    }

    /** Promotes the standby and points the endpoint at it; the old primary's node comes back as the standby. */
    private void failover(StoreScope scope, DbInstanceRecord rec, DbServersRecord srv, Servers s, boolean planned) {
        record(scope, rec, "Multi-AZ instance failover started", "failover");
        DatabaseServer old = s.primary;
        Failover f = p.replication().failover(old, s.standby);
        String address = EndpointNames.address(rec.identifier(), scope.account(), scope.region());
        p.names().publish(address, srv.vpcId(), srv.standby().privateIp());
        s.primary = f.newPrimary();
        s.standby = null;
        write(scope, tx -> {
            tx.get(DbInstanceRecord.TABLE, rec.identifier()).ifPresent(cur -> {
                tx.put(DbInstanceRecord.TABLE, cur.identifier(), cur.failedOver());
                Events.record(tx, p.clock().instant(), Events.INSTANCE, cur.identifier(), cur.arn(), "Multi-AZ instance failover completed", "failover");
            });
            tx.get(DbServersRecord.TABLE, rec.identifier()).ifPresent(x -> tx.put(DbServersRecord.TABLE, x.instanceIdentifier(), x.swapped()));
            return null;
        });
        LOG.log(System.Logger.Level.INFO, (planned ? "planned" : "unplanned") + " failover of " + rec.identifier() + " to " + f.newPrimary()
                + " in " + f.total().toMillis() + " ms (waited " + f.applyWait().toMillis() + " ms for the standby to apply)");
        GroupParameters params = read(scope, tx -> GroupParameters.of(tx, rec));
        ServerSpec oldNode = spec(rec, srv, srv.primary(), params.startup());
        s.standby = watch(p.replication().restoreStandby(oldNode, s.primary));
    }

    // ---- modifying, passwords, reboots, parameters, groups

    private void modify(StoreScope scope, DbInstanceRecord rec, DbServersRecord srv, Servers s) {
        Boolean multiAz = rec.pending().multiAz();
        if (Boolean.TRUE.equals(multiAz) && srv.standby() == null) {
            // the standby's interface now; the next pass builds the standby once it is wired (ensureRunning)
            write(scope, tx -> placement.addStandby(tx, rec.identifier()));
            p.wake().run();
            return;
        }
        if (Boolean.FALSE.equals(multiAz) && srv.standby() != null) {
            DatabaseServer standby = s.standby;
            s.standby = null;
            if (standby != null) {
                standby.stop(STOP_GRACE);
            }
            p.replication().standbyGone(s.primary);
            Dirs.delete(p.dirs().home(srv.homeKey(), srv.standby().slot()));
            write(scope, tx -> {
                p.interfaces().delete(tx, srv.standby().networkInterfaceId());
                tx.put(DbServersRecord.TABLE, srv.instanceIdentifier(), srv.withStandby(null));
                return null;
            });
        }
        if (Boolean.TRUE.equals(rec.pending().masterUserPassword())) {
            s.primary.admin().setPassword(rec.settings().masterUsername(), rec.settings().masterUserPassword());
        }
        DbServersRecord now = read(scope, tx -> tx.get(DbServersRecord.TABLE, rec.identifier()).orElse(srv));
        finish(scope, rec.identifier(), InstanceStatus.MODIFYING, r -> {
            DbInstanceRecord next = r.pendingApplied().passwordApplied();
            next = now.standby() == null ? next.withoutStandby() : next.withStandby(now.standby().zone(), now.standby().subnetId());
            return next.withStatus(InstanceStatus.AVAILABLE);
        }, "Finished applying modification to DB instance");
    }

    private void resetPassword(StoreScope scope, DbInstanceRecord rec, Servers s) {
        s.primary.admin().setPassword(rec.settings().masterUsername(), rec.settings().masterUserPassword());
        finish(scope, rec.identifier(), InstanceStatus.RESETTING_MASTER_CREDENTIALS,
                r -> r.passwordApplied().withStatus(InstanceStatus.AVAILABLE), "Reset master credentials");
    }

    private void reboot(StoreScope scope, DbInstanceRecord rec, DbServersRecord srv, Servers s) {
        GroupParameters params = read(scope, tx -> GroupParameters.of(tx, rec));
        boolean failover = rec.reboot() != null && rec.reboot().forceFailover() && srv.standby() != null && s.standbyAlive();
        if (failover) {
            failover(scope, rec, srv, s, true);
        } else {
            s.primary.stop(STOP_GRACE);
            s.primary = watch(p.engines().start(spec(rec, srv, srv.primary(), params.startup())));
            if (srv.standby() != null) {
                p.replication().primaryRestarted(s.primary);
            }
            write(scope, tx -> {
                tx.get(DbServersRecord.TABLE, srv.instanceIdentifier()).ifPresent(x -> tx.put(DbServersRecord.TABLE, x.instanceIdentifier(),
                        x.withParameters(params.statics(), List.copyOf(params.dynamic().keySet()))));
                return null;
            });
        }
        boolean inSync = failover ? params.statics().equals(srv.startedStatics()) : true;
        finish(scope, rec.identifier(), InstanceStatus.REBOOTING, r -> r.rebooted()
                .withParameterApplyStatus(inSync ? InstanceStatus.PARAMETERS_IN_SYNC : InstanceStatus.PARAMETERS_PENDING_REBOOT, params.revision())
                .withStatus(InstanceStatus.AVAILABLE), "DB instance restarted");
    }

    /** A changed group (or another group): dynamic values now on every server, static ones pending a reboot. */
    private void syncParameters(StoreScope scope, DbInstanceRecord rec, DbServersRecord srv, Servers s) {
        GroupParameters params = read(scope, tx -> GroupParameters.of(tx, rec));
        boolean applying = InstanceStatus.PARAMETERS_APPLYING.equals(rec.observed().parameterApplyStatus());
        if (params.revision() == rec.observed().appliedParameterRevision() && !applying) {
            return;
        }
        for (DatabaseServer server : new DatabaseServer[]{s.primary, s.standby}) {
            if (server != null && server.isAlive() && !params.dynamic().isEmpty()) {
                server.admin().applyParameters(params.dynamic());
            }
        }
        boolean dropped = srv.appliedDynamic().stream().anyMatch(n -> !params.dynamic().containsKey(n));
        boolean pendingReboot = dropped || !params.statics().equals(srv.startedStatics());
        write(scope, tx -> {
            tx.get(DbInstanceRecord.TABLE, rec.identifier()).filter(r -> r.status().equals(InstanceStatus.AVAILABLE)).ifPresent(r ->
                    tx.put(DbInstanceRecord.TABLE, r.identifier(), r.withParameterApplyStatus(
                            pendingReboot ? InstanceStatus.PARAMETERS_PENDING_REBOOT : InstanceStatus.PARAMETERS_IN_SYNC, params.revision())));
            tx.get(DbServersRecord.TABLE, rec.identifier()).ifPresent(x -> tx.put(DbServersRecord.TABLE, x.instanceIdentifier(),
                    x.withParameters(x.startedStatics(), List.copyOf(params.dynamic().keySet()))));
            return null;
        });
    }

    /** ModifyDBInstance's security groups go onto the interfaces, where the VPC's firewall applies them. */
    private void syncGroups(StoreScope scope, DbInstanceRecord rec, DbServersRecord srv) {
        List<String> wanted = rec.settings().vpcSecurityGroupIds();
        if (wanted.equals(srv.groups())) {
            return;
        }
        write(scope, tx -> {
            srv.nodes().forEach(n -> p.interfaces().setGroups(tx, n.networkInterfaceId(), wanted));
            tx.put(DbServersRecord.TABLE, srv.instanceIdentifier(), srv.withGroups(wanted));
            return null;
        });
    }

    // ---- stopping, deleting, forgetting

    private void stop(StoreScope scope, DbInstanceRecord rec) {
        Servers s = p.running().remove(key(scope, rec.identifier()));
        if (s != null) {
            s.stopAll(STOP_GRACE);
        }
        p.names().withdraw(EndpointNames.address(rec.identifier(), scope.account(), scope.region()));
        finish(scope, rec.identifier(), InstanceStatus.STOPPING, r -> r.withStatus(InstanceStatus.STOPPED), "DB instance stopped");
    }

    private void delete(StoreScope scope, DbInstanceRecord rec, DbServersRecord srv) {
        if (rec.finalSnapshotIdentifier() != null && srv != null) {
            Servers s = ensureRunning(scope, rec, srv);
            if (s == null) {
                return;
            }
            takeSnapshots(scope, rec, s);
        }
        Servers s = p.running().remove(key(scope, rec.identifier()));
        if (s != null) {
            s.stopAll(STOP_GRACE);
        }
        p.names().withdraw(EndpointNames.address(rec.identifier(), scope.account(), scope.region()));
        if (srv != null) {
            wipe(srv);
        }
        write(scope, tx -> {
            tx.get(DbServersRecord.TABLE, rec.identifier()).ifPresent(x -> {
                x.nodes().forEach(n -> p.interfaces().delete(tx, n.networkInterfaceId()));
                tx.delete(DbServersRecord.TABLE, rec.identifier());
            });
            tx.get(DbInstanceRecord.TABLE, rec.identifier()).ifPresent(cur -> {
                tx.delete(DbInstanceRecord.TABLE, cur.identifier());
                Tags.forget(tx, cur.arn());
                Events.record(tx, p.clock().instant(), Events.INSTANCE, cur.identifier(), cur.arn(), "DB instance deleted", "deletion");
            });
            return null;
        });
    }

    /** The record is gone (a reset, say): nothing of the instance may keep running. */
    private void forget(StoreScope scope, String id, DbServersRecord srv) {
        Servers s = p.running().remove(key(scope, id));
        if (s != null) {
            s.stopAll(Duration.ofSeconds(10));
        }
        p.names().withdraw(EndpointNames.address(id, scope.account(), scope.region()));
        if (srv != null) {
            wipe(srv);
            write(scope, tx -> {
                srv.nodes().forEach(n -> p.interfaces().delete(tx, n.networkInterfaceId()));
                tx.delete(DbServersRecord.TABLE, id);
                return null;
            });
        }
    }

    // ---- helpers

    private void wipe(DbServersRecord srv) {
        for (String slot : List.of(NodePlacement.SLOT_A, NodePlacement.SLOT_B)) {
            p.engines().killLeftover(p.dirs().home(srv.homeKey(), slot));
        }
        Dirs.delete(p.dirs().instanceDir(srv.homeKey()));
    }

    private ServerSpec spec(DbInstanceRecord rec, DbServersRecord srv, DbServersRecord.Node node, Map<String, String> parameters) {
        return ServerSpec.of(Engine.forEngineName(rec.settings().engine()), p.dirs().home(srv.homeKey(), node.slot()), node.privateIp(),
                        rec.settings().port())
                .inNamespace(namespace(node)).withServerId(node.serverId()).withParameters(parameters);
    }

    private String namespace(DbServersRecord.Node node) {
        return p.namespaces().namespaceOf(node.networkInterfaceId()).orElse(null);
    }

    private DatabaseServer watch(DatabaseServer server) {
        server.onExit().thenRun(p.wake());
        return server;
    }

    /** Moves the instance on from {@code from} (if it is still there), recording an event. */
    private void finish(StoreScope scope, String id, String from, Function<DbInstanceRecord, DbInstanceRecord> change, String event) {
        write(scope, tx -> {
            tx.get(DbInstanceRecord.TABLE, id).filter(r -> r.status().equals(from)).ifPresent(r -> {
                DbInstanceRecord next = change.apply(r);
                tx.put(DbInstanceRecord.TABLE, id, next);
                if (event != null) {
                    Events.record(tx, p.clock().instant(), Events.INSTANCE, id, r.arn(), event, "notification");
                }
            });
            return null;
        });
    }

    private void record(StoreScope scope, DbInstanceRecord rec, String message, String category) {
        write(scope, tx -> {
            Events.record(tx, p.clock().instant(), Events.INSTANCE, rec.identifier(), rec.arn(), message, category);
            return null;
        });
    }

    private <T> T read(StoreScope scope, Function<Tx, T> work) {
        return p.store().read(scope, work);
    }

    private <T> T write(StoreScope scope, Function<Tx, T> work) {
        return p.store().write(scope, work);
    }
}
