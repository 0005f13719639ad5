package io.kumo.elbv2.runtime;

import io.kumo.core.network.InterfaceNamespaces;
import io.kumo.elbv2.targetgroup.TargetGroupRecord;
import io.kumo.fabric.netns.NamespaceSockets;
import io.kumo.fabric.netns.NetworkNamespace;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * Health checks that really run: for every target of every group a load balancer forwards to, a
 * virtual thread checks it from the load balancer's node in its zone (so the target's security
 * groups must let the load balancer's in) every interval, and moves it between initial, healthy
 * and unhealthy by the thresholds. Settings are read afresh before each check.
 */
final class HealthChecker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("kumo.elbv2.health");

    private final NamespaceSockets sockets;
    private final InterfaceNamespaces namespaces;
    private final AtomicReference<ElbPlans> plans;
    private final BiConsumer<String, Map<String, TargetHealth>> changed;
    private final Map<String, Map<String, TargetHealth>> book = new ConcurrentHashMap<>();
    private final Map<String, Thread> loops = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** @param changed told (group ARN, every target's health) whenever a target's state changes */
    HealthChecker(NamespaceSockets sockets, InterfaceNamespaces namespaces, AtomicReference<ElbPlans> plans,
                  BiConsumer<String, Map<String, TargetHealth>> changed) {
        this.sockets = sockets;
        this.namespaces = namespaces;
        this.plans = plans;
        this.changed = changed;
    }

    /** Starts loops for new targets; loops of targets gone end by themselves. */
    void sync() {
        ElbPlans now = plans.get();
        Set<String> wanted = ConcurrentHashMap.newKeySet();
        for (ElbPlans.Group g : now.groups().values()) {
            for (ElbPlans.Target t : g.targets()) {
                String loop = g.arn() + "|" + t.key();
                wanted.add(loop);
                loops.computeIfAbsent(loop, k -> Thread.ofVirtual().name("health-" + t.key()).start(() -> run(g.arn(), t.key())));
            }
        }
        for (String gone : Set.copyOf(book.keySet())) {
            if (!now.groups().containsKey(gone)) {
                book.remove(gone);
            }
        }
        loops.keySet().removeIf(k -> !wanted.contains(k) && !loops.get(k).isAlive());
    }

    /** The target's health, as the proxy asks before choosing it. */
    Optional<TargetHealth> of(String groupArn, String targetKey) {
        return Optional.ofNullable(book.getOrDefault(groupArn, Map.of()).get(targetKey));
    }

    private void run(String groupArn, String targetKey) {
        try {
            while (!closed) {
                ElbPlans.Group group = plans.get().groups().get(groupArn);
                ElbPlans.Target target = group == null ? null
                        : group.targets().stream().filter(t -> t.key().equals(targetKey)).findFirst().orElse(null);
                if (target == null) {
                    forget(groupArn, targetKey);
                    return;
                }
                TargetGroupRecord.HealthCheck hc = group.healthCheck();
                if (!target.running() || target.ip() == null || target.draining()) {
                    record(groupArn, targetKey, TargetHealth.initial());
                } else {
                    check(group, target, hc);
                }
                Thread.sleep(Duration.ofSeconds(Math.max(1, hc.intervalSeconds())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            loops.remove(groupArn + "|" + targetKey);
        }
    }

    private void check(ElbPlans.Group group, ElbPlans.Target target, TargetGroupRecord.HealthCheck hc) {
        ElbPlans.Node node = group.nodeFor(target);
        Optional<String> ns = node == null ? Optional.empty() : namespaces.namespaceOf(node.interfaceId());
        if (ns.isEmpty()) {
            return;
        }
        int port = hc.port() == null || hc.port().equals("traffic-port") ? target.port() : Integer.parseInt(hc.port());
        HealthCheckCall.Outcome outcome;
        try {
            outcome = HealthCheckCall.run(sockets.socket(new NetworkNamespace(ns.get()), null), target.ip(), port,
                    hc.path() == null ? "/" : hc.path(), hc.timeoutSeconds(), hc.matcher() == null ? "200" : hc.matcher());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "health check of " + target.key() + " could not run: " + e.getMessage());
            return;
        }
        TargetHealth before = of(group.arn(), target.key()).orElse(TargetHealth.initial());
        record(group.arn(), target.key(), outcome.passed() ? before.passed(hc.healthyThreshold())
                : before.failed(hc.unhealthyThreshold(), outcome.reason(), outcome.description()));
    }

    private void record(String groupArn, String targetKey, TargetHealth health) {
        Map<String, TargetHealth> targets = book.computeIfAbsent(groupArn, k -> new ConcurrentHashMap<>());
        TargetHealth before = targets.put(targetKey, health);
        if (before == null || !before.state().equals(health.state()) || !java.util.Objects.equals(before.reason(), health.reason())) {
            changed.accept(groupArn, Map.copyOf(targets));
        }
    }

    private void forget(String groupArn, String targetKey) {
        Map<String, TargetHealth> targets = book.get(groupArn);
        if (targets != null && targets.remove(targetKey) != null) {
            changed.accept(groupArn, Map.copyOf(targets));
        }
    }

    @Override
    public void close() {
        closed = true;
        loops.values().forEach(Thread::interrupt);
    }
}
