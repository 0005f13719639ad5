package io.kumo.elbv2.runtime;

import io.kumo.elbv2.listener.Action;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which target gets a request: among the group's targets in the load balancer's zones that run
 * and are not draining, the healthy ones, or all of them when none is healthy (ALB fails open);
 * round robin, or the fewest requests in flight for least_outstanding_requests. Targets in slow
 * start take part in a choice with the probability of their current share.
 */
final class TargetChooser {
    private final HealthChecker health;
    private final Clock clock;
    private final Map<String, AtomicInteger> cursors = new ConcurrentHashMap<>();
    private final Map<GroupTarget, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    TargetChooser(HealthChecker health, Clock clock) {
        this.health = health;
        this.clock = clock;
    }

    /** A forward's group, by weight (a weight of 0 gets nothing); empty when every weight is 0. */
    static Optional<String> group(Action.Forward forward) {
        List<Action.WeightedTargetGroup> groups = forward.targetGroups();
        if (groups.size() == 1) {
            return Optional.of(groups.getFirst().targetGroupArn());
        }
        int total = groups.stream().mapToInt(g -> weight(g)).sum();
        if (total == 0) {
            return Optional.empty();
        }
        int pick = ThreadLocalRandom.current().nextInt(total);
        for (Action.WeightedTargetGroup g : groups) {
            pick -= weight(g);
            if (pick < 0) {
                return Optional.of(g.targetGroupArn());
            }
        }
        return Optional.empty();
    }

    /**
     * @param refused targets that just refused a connection for this request, never chosen again for it
     * @param stuckTo the target a stickiness cookie names, chosen if it can take the request
     */
    Optional<ElbPlans.Target> target(ElbPlans.Group group, List<String> zones, java.util.Set<String> refused, Optional<String> stuckTo) {
        // loops, not streams: this runs for every request, and C1-compiled stream pipelines cost more than the rest of the choice
        List<ElbPlans.Target> candidates = new ArrayList<>(group.targets().size());
        List<ElbPlans.Target> healthy = new ArrayList<>(group.targets().size());
        for (ElbPlans.Target t : group.targets()) {
            if (t.running() && t.ip() != null && !t.draining() && (zones.contains(t.zone()) || "all".equals(t.zone()))
                    && !refused.contains(t.key())) {
                candidates.add(t);
                if (health.healthy(group.arn(), t.key())) {
                    healthy.add(t);
                }
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<ElbPlans.Target> pool = healthy.isEmpty() ? candidates : warmedEnough(group, healthy);
        if (stuckTo.isPresent()) {
            for (ElbPlans.Target t : pool) {
                if (t.key().equals(stuckTo.get())) {
                    return Optional.of(t);
                }
            }
        }
        if ("least_outstanding_requests".equals(group.attributes().get("load_balancing.algorithm.type"))) {
            return pool.stream().min(Comparator.comparingInt(t -> counter(group, t).get()));
        }
        int next = cursors.computeIfAbsent(group.arn(), k -> new AtomicInteger()).getAndIncrement();
        return Optional.of(pool.get(Math.floorMod(next, pool.size())));
    }

    private List<ElbPlans.Target> warmedEnough(ElbPlans.Group group, List<ElbPlans.Target> healthy) {
        int duration = SlowStart.durationSeconds(group);
        if (duration == 0) {
            return healthy;
        }
        Instant now = clock.instant();
        List<ElbPlans.Target> taking = healthy.stream()
                .filter(t -> ThreadLocalRandom.current().nextDouble() < SlowStart.share(health.warmingSince(group.arn(), t.key()), now, duration))
                .toList();
        return taking.isEmpty() ? healthy : taking;
    }

    /** Counts a request in flight to the target: the caller decrements the counter it gets when the request ends. */
    AtomicInteger started(ElbPlans.Group group, ElbPlans.Target target) {
        AtomicInteger inFlight = counter(group, target);
        inFlight.incrementAndGet();
        return inFlight;
    }

    private AtomicInteger counter(ElbPlans.Group group, ElbPlans.Target target) {
        return inFlight.computeIfAbsent(new GroupTarget(group.arn(), target.key()), k -> new AtomicInteger());
    }

    private static int weight(Action.WeightedTargetGroup g) {
        return g.weight() == null ? 1 : g.weight();
    }
}
