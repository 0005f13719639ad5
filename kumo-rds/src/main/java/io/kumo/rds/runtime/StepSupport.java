package io.kumo.rds.runtime;

import io.kumo.core.network.InterfaceNamespaces;
import io.kumo.core.network.ManagedInterfaces;
import io.kumo.core.store.Store;
import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Tx;
import io.kumo.rds.event.Events;
import io.kumo.rds.instance.DbInstanceRecord;
import io.kumo.rds.runtime.engine.DatabaseServer;
import io.kumo.rds.runtime.engine.Engine;
import io.kumo.rds.runtime.engine.Engines;
import io.kumo.rds.runtime.engine.ServerSpec;
import io.kumo.rds.support.EndpointNames;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** What every lifecycle step of {@link InstanceWork} uses: the runtime's parts, and the small moves they share. */
final class StepSupport {
    static final System.Logger LOG = System.getLogger("kumo.rds.runtime");
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** The runtime's parts. */
    record Parts(Store store, Clock clock, Engines engines, Replication replication, RuntimeDirs dirs, InterfaceNamespaces namespaces,
                 ManagedInterfaces interfaces, EndpointDirectory names, Map<String, Servers> running, Runnable wake,
                 Predicate<Engine> ready) {
    }

    final Parts p;

    StepSupport(Parts parts) {
        this.p = parts;
    }

    static String key(StoreScope scope, String id) {
        return scope.account() + "/" + scope.region() + "/" + id;
    }

    static String address(StoreScope scope, String id) {
        return EndpointNames.address(id, scope.account(), scope.region());
    }

    DbInstanceRecord instance(StoreScope scope, String id) {
        return read(scope, tx -> tx.get(DbInstanceRecord.TABLE, id).orElse(null));
    }

    DbServersRecord servers(StoreScope scope, String id) {
        return read(scope, tx -> tx.get(DbServersRecord.TABLE, id).orElse(null));
    }

    GroupParameters parameters(StoreScope scope, DbInstanceRecord rec) {
        return read(scope, tx -> GroupParameters.of(tx, rec));
    }

    /** Kills whatever still runs in the instance's homes and deletes them. */
    void wipe(DbServersRecord srv) {
        for (String slot : List.of(NodePlacement.SLOT_A, NodePlacement.SLOT_B)) {
            p.engines().killLeftover(p.dirs().home(srv.homeKey(), slot));
        }
        Dirs.delete(p.dirs().instanceDir(srv.homeKey()));
    }

    ServerSpec spec(DbInstanceRecord rec, DbServersRecord srv, DbServersRecord.Node node, Map<String, String> parameters) {
        return ServerSpec.of(Engine.forEngineName(rec.settings().engine()), p.dirs().home(srv.homeKey(), node.slot()), node.privateIp(),
                        rec.settings().port())
                .inNamespace(namespace(node)).withServerId(node.serverId()).withParameters(parameters);
    }

    /** The node's namespace, or null while its interface is not wired yet. */
    String namespace(DbServersRecord.Node node) {
        return p.namespaces().namespaceOf(node.networkInterfaceId()).orElse(null);
    }

    /** The server, with its death waking the runtime. */
    DatabaseServer watch(DatabaseServer server) {
        server.onExit().thenRun(p.wake());
        return server;
    }

    /** Moves the instance on from {@code from} (if it is still there), recording an event. */
    void finish(StoreScope scope, String id, String from, Function<DbInstanceRecord, DbInstanceRecord> change, String event) {
        write(scope, tx -> {
            tx.get(DbInstanceRecord.TABLE, id).filter(r -> r.status().equals(from)).ifPresent(r -> {
                tx.put(DbInstanceRecord.TABLE, id, change.apply(r));
                if (event != null) {
                    Events.record(tx, p.clock().instant(), Events.INSTANCE, id, r.arn(), event, "notification");
                }
            });
            return null;
        });
    }

    void record(StoreScope scope, DbInstanceRecord rec, String message, String category) {
        write(scope, tx -> {
            Events.record(tx, p.clock().instant(), Events.INSTANCE, rec.identifier(), rec.arn(), message, category);
            return null;
        });
    }

    <T> T read(StoreScope scope, Function<Tx, T> work) {
        return p.store().read(scope, work);
    }

    <T> T write(StoreScope scope, Function<Tx, T> work) {
        return p.store().write(scope, work);
    }
}
