package io.kumo.elbv2.runtime;

import io.kumo.core.dns.GeneratedNames;
import io.kumo.core.network.InterfaceNamespaces;
import io.kumo.core.network.VpcDirectory;
import io.kumo.core.service.Contracts;
import io.kumo.core.service.Controller;
import io.kumo.core.service.SweepLoop;
import io.kumo.core.store.Store;
import io.kumo.core.store.StoreScope;
import io.kumo.fabric.netns.NamespaceSockets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Load balancers' data plane: reads what should run after every change (and every half second,
 * for instances starting and stopping), then opens the front door and the nodes' listeners and
 * keeps the health checks going. Runs only where EC2 gives nodes namespaces (instances in
 * sandboxes); elsewhere load balancers are API records.
 */
public final class LoadBalancerRunner implements Controller {
    private static final System.Logger LOG = System.getLogger("kumo.elbv2.runtime");
    private static final Duration TICK = Duration.ofMillis(500);
    private static final Set<String> WATCHED = Set.of("elbv2.load-balancers", "elbv2.listeners", "elbv2.rules", "elbv2.target-groups");

    private final Store store;
    private final Clock clock;
    private final Contracts contracts;
    private final AtomicReference<ElbPlans> plans = new AtomicReference<>(new ElbPlans(Map.of(), Map.of()));
    private final SweepLoop loop;
    private NamespaceSockets sockets;
    private Upstreams upstreams;
    /** Set once when the data plane starts; DNS threads read it through {@link #targetHealth}. */
    private volatile HealthChecker health;
    private ProxyServers servers;
    private VpcDirectory vpcs;
    private final ElbMetrics metrics = new ElbMetrics();

    public LoadBalancerRunner(Store store, Clock clock, Contracts contracts) {
        this.store = store;
        this.clock = clock;
        this.contracts = contracts;
        this.loop = new SweepLoop(name(), clock, TICK, this::pass);
    }

    @Override
    public String name() {
        return "elbv2-load-balancer-runner";
    }

    @Override
    public void start() {
        Optional<InterfaceNamespaces> namespaces = contracts.find(InterfaceNamespaces.class);
        if (namespaces.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "load balancers do not forward here: instances do not run in sandboxes");
            return;
        }
        vpcs = contracts.require(VpcDirectory.class);
        sockets = new NamespaceSockets();
        upstreams = new Upstreams(sockets);
        health = new HealthChecker(sockets, namespaces.get(), plans, store, clock);
        servers = new ProxyServers(plans, namespaces.get(), sockets, upstreams, new TargetChooser(health, clock), metrics);
        contracts.find(GeneratedNames.class).ifPresent(names -> names.add(new BalancerNames(plans)));
        Set<String> watched = new HashSet<>(WATCHED);
        watched.addAll(vpcs.instanceTables()); // a stopping instance leaves the rotation before its processes end
        loop.start(store, watched, () -> { });
    }

    /** Listener port → the host's port of the front door, for the banner, the docs and tests. */
    public Map<Integer, Integer> frontDoorPorts() {
        return servers == null ? Map.of() : servers.hostPorts();
    }

    /**
     * Route 53's EvaluateTargetHealth for one load balancer ({@link BalancerHealth}), from the health checks' latest
     * verdicts; empty where load balancers do not forward, so no target health is observed.
     */
    public Optional<Boolean> targetHealth(String dnsNameOrArn) {
        HealthChecker checker = health;
        return checker == null ? Optional.empty() : Optional.of(BalancerHealth.healthy(plans.get(), dnsNameOrArn, checker::healthy));
    }

    /** What the load balancers counted, by CloudWatch dimension; empty where they do not forward. */
    public Map<String, Object> metrics() {
        return health == null ? Map.of() : metrics.snapshot(plans.get(), health);
    }

    private Optional<Instant> pass() {
        ElbPlans now = store.read(StoreScope.GLOBAL, tx -> ElbPlans.read(tx, vpcs, contracts.find(io.kumo.core.tls.ServerCertificates.class)));
        plans.set(now);
        Set<Integer> frontPorts = new HashSet<>();
        Map<String, Map.Entry<String, Set<Integer>>> nodes = new HashMap<>();
        for (ElbPlans.Balancer lb : now.byDnsName().values()) {
            if (lb.internetFacing()) {
                frontPorts.addAll(lb.listeners().keySet());
            }
            for (ElbPlans.Node node : lb.nodes()) {
                nodes.put(node.interfaceId(), Map.entry(lb.dnsName(), Set.copyOf(lb.listeners().keySet())));
            }
        }
        servers.frontDoors(frontPorts);
        servers.nodeListeners(nodes);
        health.sync();
        return Optional.of(clock.instant().plus(TICK));
    }

    @Override
    public void close() {
        loop.stop(Duration.ofSeconds(5));
        if (servers != null) {
            health.close();
            servers.close();
            upstreams.close();
            sockets.close();
        }
    }
}
