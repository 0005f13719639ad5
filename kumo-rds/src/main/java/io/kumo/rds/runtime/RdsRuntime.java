package io.kumo.rds.runtime;

import io.kumo.core.KumoSettings;
import io.kumo.core.dns.GeneratedNames;
import io.kumo.core.network.HostAddress;
import io.kumo.core.network.InterfaceNamespaces;
import io.kumo.core.network.ManagedInterfaces;
import io.kumo.core.network.VpcDirectory;
import io.kumo.core.service.Contracts;
import io.kumo.core.service.Controller;
import io.kumo.core.service.SweepLoop;
import io.kumo.core.store.Store;
import io.kumo.core.store.StoreScope;
import io.kumo.rds.event.Events;
import io.kumo.rds.instance.DbInstanceRecord;
import io.kumo.rds.instance.InstanceStatus;
import io.kumo.rds.runtime.engine.Engine;
import io.kumo.rds.runtime.engine.ServerExitedAtStart;
import io.kumo.rds.runtime.engine.Engines;
import io.kumo.rds.snapshot.DbSnapshotRecord;
import io.kumo.fabric.netns.NamespaceSockets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The RDS runtime: real database servers behind the DB instances. Every commit to the RDS tables
 * (and a tick each second, and a server's death) starts a pass that hands each instance whose
 * worker is idle to {@link InstanceWork}; each instance has at most one step running, on its own
 * thread, so a slow one (a standby catching up, a snapshot) holds up no other. Publishes endpoint
 * names to the VPC resolvers and opens the host's way in to publicly accessible instances. Runs
 * only where EC2 gives managed interfaces namespaces (sandboxes); elsewhere instances stay
 * "creating", API records only.
 */
public final class RdsRuntime implements Controller {
    private static final System.Logger LOG = System.getLogger("kumo.rds.runtime");
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration PREPARE_WAIT = Duration.ofSeconds(10);
    /** Statuses in which the servers run: a server that keeps exiting at start there is the parameters' fault when the user set some. */
    private static final Set<String> RUNNING = Set.of(InstanceStatus.AVAILABLE, InstanceStatus.REBOOTING, InstanceStatus.STARTING,
            InstanceStatus.MODIFYING, InstanceStatus.BACKING_UP, InstanceStatus.RESETTING_MASTER_CREDENTIALS);
    private static final Set<String> WATCHED = Set.of(DbInstanceRecord.TABLE.name(), DbSnapshotRecord.TABLE.name(),
            DbServersRecord.TABLE.name(), "rds.parameter-groups");

    private final KumoSettings settings;
    private final Store store;
    private final Clock clock;
    private final Contracts contracts;
    private final SweepLoop loop;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final Map<String, Servers> running = new ConcurrentHashMap<>();
    private final StepFailures failures = new StepFailures();
    private final Set<Engine> prepared = ConcurrentHashMap.newKeySet();
    private final EndpointDirectory names = new EndpointDirectory();
    private ExecutorService workers;
    private RuntimeDirs dirs;
    private InstanceWork work;
    private NamespaceSockets sockets;
    private ReplicationLinks links;
    private HostAccess host;
    private VpcDirectory vpcs;
    private Thread preparing;
    private volatile boolean closing;

    public RdsRuntime(KumoSettings settings, Store store, Clock clock, Contracts contracts) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.contracts = contracts;
        this.loop = new SweepLoop(name(), clock, TICK, this::pass);
    }

    @Override
    public String name() {
        return "rds-runtime";
    }

    @Override
    public void start() {
        Optional<InterfaceNamespaces> namespaces = contracts.find(InterfaceNamespaces.class);
        if (namespaces.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "no database servers run here: instances do not run in sandboxes");
            return;
        }
        vpcs = contracts.require(VpcDirectory.class);
        dirs = RuntimeDirs.of(settings);
        Engines engines = new Engines(dirs.engines());
        preparing = Thread.ofPlatform().daemon().name("rds-prepare-engines").start(() -> {
            for (Engine e : List.of(Engine.MARIADB, Engine.POSTGRES)) {
                if (closing) {
                    return;
                }
                try {
                    long t = System.nanoTime();
                    engines.prepare(e);
                    prepared.add(e);
                    LOG.log(System.Logger.Level.INFO, e.describe() + " ready (" + (System.nanoTime() - t) / 1_000_000 + " ms)");
                    loop.wake();
                } catch (RuntimeException ex) {
                    LOG.log(System.Logger.Level.ERROR, "cannot prepare " + e.describe(), ex);
                }
            }
        });
        workers = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("rds-instance-", 0).factory());
        work = new InstanceWork(new StepSupport.Parts(store, clock, engines, new Replication(engines), dirs, namespaces.get(),
                contracts.require(ManagedInterfaces.class), names, running, loop::wake, prepared::contains));
        sockets = new NamespaceSockets();
        host = new HostAccess(sockets);
        links = new ReplicationLinks(sockets);
        engines.routeReplication(links);
        contracts.find(GeneratedNames.class).ifPresent(g -> g.add(names));
        loop.start(store, WATCHED, () -> { });
    }

    /** Instance (account/region/identifier) → the port on 127.0.0.1 that reaches it, for publicly accessible ones. */
    public Map<String, Integer> hostPorts() {
        return host == null ? Map.of() : host.ports();
    }

    private Optional<Instant> pass() {
        if (closing) {
            return Optional.empty();
        }
        Map<StoreScope, List<DbInstanceRecord>> instances = store.read(StoreScope.GLOBAL, tx -> tx.scanAll(DbInstanceRecord.TABLE));
        Map<StoreScope, List<DbServersRecord>> servers = store.read(StoreScope.GLOBAL, tx -> tx.scanAll(DbServersRecord.TABLE));
        Set<String> known = new HashSet<>();
        instances.forEach((scope, list) -> list.forEach(i -> {
            known.add(StepSupport.key(scope, i.identifier()));
            submit(scope, i.identifier());
        }));
        servers.forEach((scope, list) -> list.stream().filter(s -> !known.contains(StepSupport.key(scope, s.instanceIdentifier())))
                .forEach(s -> {
                    known.add(StepSupport.key(scope, s.instanceIdentifier()));
                    submit(scope, s.instanceIdentifier());
                }));
        for (String key : Set.copyOf(running.keySet())) {
            if (!known.contains(key)) {
                String[] parts = key.split("/", 3);
                submit(new StoreScope(parts[0], parts[1]), parts[2]);
            }
        }
        openHostAccess(instances, servers);
        forgetDeletedSnapshots();
        return Optional.of(clock.instant().plus(TICK));
    }

    private void submit(StoreScope scope, String id) {
        String key = StepSupport.key(scope, id);
        if (!failures.due(key, clock.instant()) || !busy.add(key)) {
            return;
        }
        workers.execute(() -> {
            try {
                work.step(scope, id);
                failures.succeeded(key);
            } catch (RuntimeException e) {
                int count = failures.failed(key, clock.instant());
                LOG.log(System.Logger.Level.WARNING, "DB instance " + id + " (attempt " + count + ", next in "
                        + StepFailures.delay(count).toSeconds() + " s): " + e.getMessage(), count == 1 ? e : null);
                if (count >= StepFailures.ATTEMPTS_BEFORE_GIVING_UP) {
                    giveUp(scope, id, e);
                }
            } finally {
                busy.remove(key);
            }
        });
    }

    /**
     * What RDS shows of an instance its runtime cannot bring about: "failed" for a creation, and
     * "incompatible-parameters" for servers that will not run with the values the user set in
     * the group. Anything else keeps being retried.
     */
    private void giveUp(StoreScope scope, String id, RuntimeException cause) {
        store.write(scope, tx -> {
            tx.get(DbInstanceRecord.TABLE, id).ifPresent(r -> {
                String next = null;
                if (r.status().equals(InstanceStatus.CREATING)) {
                    next = InstanceStatus.FAILED;
                } else if (RUNNING.contains(r.status()) && cause instanceof ServerExitedAtStart && !GroupParameters.of(tx, r).startup().isEmpty()) {
                    next = InstanceStatus.INCOMPATIBLE_PARAMETERS;
                }
                if (next != null) {
                    tx.put(DbInstanceRecord.TABLE, id, r.withStatus(next));
                    String message = next.equals(InstanceStatus.FAILED) ? "DB instance could not be created: "
                            : "DB instance is in incompatible-parameters: its servers do not run with the parameter group's values: ";
                    Events.record(tx, clock.instant(), Events.INSTANCE, id, r.arn(), message + cause.getMessage(), "failure");
                }
            });
            return null;
        });
    }

    private void openHostAccess(Map<StoreScope, List<DbInstanceRecord>> instances, Map<StoreScope, List<DbServersRecord>> servers) {
        Map<String, HostAccess.Target> wanted = new HashMap<>();
        InterfaceNamespaces namespaces = contracts.require(InterfaceNamespaces.class);
        Set<String> standbyNamespaces = new HashSet<>();
        servers.values().forEach(list -> list.forEach(srv -> {
            if (srv.primary() != null) {
                namespaces.namespaceOf(srv.primary().networkInterfaceId()).ifPresent(standbyNamespaces::add);
            }
            if (srv.standby() != null) {
                namespaces.namespaceOf(srv.standby().networkInterfaceId()).ifPresent(standbyNamespaces::add);
            }
        }));
        links.retainOnly(standbyNamespaces);
        instances.forEach((scope, list) -> {
            Map<String, DbServersRecord> byId = new HashMap<>();
            servers.getOrDefault(scope, List.of()).forEach(s -> byId.put(s.instanceIdentifier(), s));
            for (DbInstanceRecord i : list) {
                DbServersRecord srv = byId.get(i.identifier());
                if (!i.settings().publiclyAccessible() || srv == null || i.observed().endpointAddress() == null) {
                    continue;
                }
                namespaces.namespaceOf(srv.primary().networkInterfaceId()).ifPresent(ns -> {
                    boolean admitted = store.read(scope, tx -> vpcs.admitsTcp(tx, i.settings().vpcSecurityGroupIds(), i.settings().port(),
                            HostAddress.AS_SEEN_FROM_VPCS));
                    wanted.put(StepSupport.key(scope, i.identifier()),
                            new HostAccess.Target(ns, srv.primary().privateIp(), i.settings().port(), admitted));
                });
            }
        });
        host.update(wanted);
    }

    /** The copied data of snapshots no longer in the table (DeleteDBSnapshot, a reset) goes. */
    private void forgetDeletedSnapshots() {
        Map<StoreScope, List<DbSnapshotRecord>> all = store.read(StoreScope.GLOBAL, tx -> tx.scanAll(DbSnapshotRecord.TABLE));
        Set<String> kept = new HashSet<>();
        all.forEach((scope, list) -> list.forEach(s -> kept.add(RuntimeDirs.scopeDir(scope) + "/" + s.identifier())));
        try (Stream<Path> scopes = Files.list(dirs.snapshots())) {
            for (Path scopeDir : scopes.toList()) {
                try (Stream<Path> snaps = Files.list(scopeDir)) {
                    snaps.filter(s -> !s.getFileName().toString().startsWith("."))
                            .filter(s -> !kept.contains(scopeDir.getFileName() + "/" + s.getFileName()))
                            .forEach(Dirs::delete);
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot list snapshots: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        closing = true;
        loop.stop(Duration.ofSeconds(5));
        if (workers == null) {
            return;
        }
        try {
            // the unpacking writes under directories this method deletes
            preparing.join(PREPARE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "RDS steps still running after 30 s; stopping the servers anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        host.close();
        links.close();
        List<Thread> stops = running.values().stream()
                .map(s -> Thread.ofPlatform().start(() -> s.stopAll(Duration.ofSeconds(20)))).toList();
        for (Thread t : stops) {
            try {
                t.join(Duration.ofSeconds(45));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running.clear();
        sockets.close();
        if (dirs.temporary()) {
            Dirs.delete(dirs.homes().getParent());
        }
    }
}
