package io.kumo.elbv2.runtime;

import io.kumo.core.network.InterfaceNamespaces;
import io.kumo.core.store.Store;
import io.kumo.elbv2.targetgroup.HealthVerdicts;
import io.kumo.elbv2.targetgroup.TargetGroupRecord;
import io.kumo.elbv2.targetgroup.TargetHealthRecord;
import io.kumo.elbv2.targetgroup.TargetHealthRecord.Observation;
import io.kumo.fabric.netns.NamespaceSockets;
import io.kumo.fabric.netns.NetworkNamespace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Health checks that really run: for every target of every group a load balancer forwards to, a
 * virtual thread checks it from the load balancer's node in its zone (so the target's security
 * groups must let the load balancer's in) every interval, turns the results into a verdict
 * ({@link HealthVerdicts}), and stores the verdict whenever it changes, for DescribeTargetHealth.
 * Settings are read afresh before each check. A target whose instance is not running has no
 * verdict: it starts again from initial when the instance does.
 */
final class HealthChecker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("kumo.elbv2.health");

    private final NamespaceSockets sockets;
    private final InterfaceNamespaces namespaces;
    private final AtomicReference<ElbPlans> plans;
    private final Store store;
    private final Clock clock;
    private final Map<GroupTarget, Observation> book = new ConcurrentHashMap<>();
    private final Map<GroupTarget, Thread> loops = new ConcurrentHashMap<>();
    /** Targets in slow start: since when they are healthy, for those that turned so beside others. */
    private final Map<GroupTarget, Instant> warming = new ConcurrentHashMap<>();
    private volatile boolean closed;

    HealthChecker(NamespaceSockets sockets, InterfaceNamespaces namespaces, AtomicReference<ElbPlans> plans, Store store, Clock clock) {
        this.sockets = sockets;
        this.namespaces = namespaces;
        this.plans = plans;
        this.store = store;
        this.clock = clock;
    }

    /** Starts loops for new targets; loops of targets gone end by themselves. */
    void sync() {
        for (ElbPlans.Group g : plans.get().groups().values()) {
            for (ElbPlans.Target t : g.targets()) {
                GroupTarget loop = new GroupTarget(g.arn(), t.key());
                loops.computeIfAbsent(loop, k -> Thread.ofVirtual().name("health-" + t.key()).start(() -> run(g.arn(), t.key())));
            }
        }
    }

    /** Whether the target's latest verdict is healthy, as the proxy asks before choosing it. */
    boolean healthy(String groupArn, String targetKey) {
        Observation o = book.get(new GroupTarget(groupArn, targetKey));
        return o != null && TargetHealthRecord.HEALTHY.equals(o.state());
    }

    /** Since when the target warms up, if it turned healthy while another target of its group was. */
    Optional<Instant> warmingSince(String groupArn, String targetKey) {
        return Optional.ofNullable(warming.get(new GroupTarget(groupArn, targetKey)));
    }

    private void noteTransition(String groupArn, String targetKey, Observation before, Observation now) {
        GroupTarget loop = new GroupTarget(groupArn, targetKey);
        boolean wasHealthy = before != null && TargetHealthRecord.HEALTHY.equals(before.state());
        if (!TargetHealthRecord.HEALTHY.equals(now.state())) {
            warming.remove(loop);
        } else if (!wasHealthy && othersHealthy(groupArn, targetKey)) {
            warming.put(loop, now.observedAt());
        }
    }

    private boolean othersHealthy(String groupArn, String targetKey) {
        ElbPlans.Group group = plans.get().groups().get(groupArn);
        return group != null && group.targets().stream().anyMatch(t -> !t.key().equals(targetKey) && healthy(groupArn, t.key()));
    }

    private void run(String groupArn, String targetKey) {
        GroupTarget loop = new GroupTarget(groupArn, targetKey);
        try {
            while (!closed) {
                ElbPlans.Group group = plans.get().groups().get(groupArn);
                ElbPlans.Target target = group == null ? null
                        : group.targets().stream().filter(t -> t.key().equals(targetKey)).findFirst().orElse(null);
                if (target == null) {
                    book.remove(loop);
                    warming.remove(loop);
                    return;
                }
                TargetGroupRecord.HealthCheck hc = group.healthCheck();
                if (!target.running() || target.ip() == null || target.draining()) {
                    warming.remove(loop);
                    if (book.remove(loop) != null) {
                        store(group, targetKey, null);
                    }
                } else {
                    check(group, target, hc).ifPresent(o -> {
                        Observation before = book.put(loop, o);
                        noteTransition(groupArn, targetKey, before, o);
                        if (before == null || !Objects.equals(before.state(), o.state()) || !Objects.equals(before.reason(), o.reason())
                                || before.observedAt().isBefore(target.registeredAt())) {
                            store(group, targetKey, o);
                        }
                    });
                }
                Thread.sleep(Duration.ofSeconds(Math.max(1, hc.intervalSeconds())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            loops.remove(loop);
        }
    }

    private Optional<Observation> check(ElbPlans.Group group, ElbPlans.Target target, TargetGroupRecord.HealthCheck hc) {
        ElbPlans.Node node = group.nodeFor(target);
        Optional<String> ns = node == null ? Optional.empty() : namespaces.namespaceOf(node.interfaceId());
        if (ns.isEmpty()) {
            return Optional.empty();
        }
        int port = hc.port() == null || hc.port().equals("traffic-port") ? target.port() : Integer.parseInt(hc.port());
        HealthVerdicts.CheckResult result;
        try {
            result = HealthCheckCall.run(sockets.socket(new NetworkNamespace(ns.get()), null), target.ip(), port,
                    hc.path() == null ? "/" : hc.path(), hc.timeoutSeconds(), hc.matcher() == null ? "200" : hc.matcher());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "health check of " + target.key() + " could not run: " + e.getMessage());
            return Optional.empty();
        }
        Observation before = book.get(new GroupTarget(group.arn(), target.key()));
        if (before != null && before.observedAt().isBefore(target.registeredAt())) {
            before = null;
        }
        return Optional.of(HealthVerdicts.next(before, result, hc, clock.instant()));
    }

    /** Writes (or with null, removes) the target's observation in its group's health record. */
    private void store(ElbPlans.Group group, String targetKey, Observation observation) {
        try {
            store.write(group.scope(), tx -> {
                if (tx.get(TargetGroupRecord.TABLE, group.arn()).isEmpty()) {
                    return null;
                }
                TargetHealthRecord now = tx.get(TargetHealthRecord.TABLE, group.arn())
                        .orElse(new TargetHealthRecord(group.arn(), Map.of()));
                tx.put(TargetHealthRecord.TABLE, group.arn(), observation == null ? now.without(targetKey) : now.with(targetKey, observation));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the health of " + targetKey + " in " + group.arn() + " was not stored", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        loops.values().forEach(Thread::interrupt);
    }
}
