package io.kumo.elbv2.loadbalancer;

import io.kumo.core.service.Controller;
import io.kumo.core.service.SweepLoop;
import io.kumo.core.store.Store;
import io.kumo.core.store.StoreScope;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Moves new load balancers from provisioning to active after {@code kumo.elbv2.provisioning-millis}
 * ({@code KUMO_ELBV2_PROVISIONING_MILLIS}, default 500; AWS takes minutes). Works from stored
 * creation times, so after a restart it catches up.
 */
public final class LoadBalancerLifecycle implements Controller {
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    private final Store store;
    private final Clock clock;
    private final SweepLoop loop;

    public LoadBalancerLifecycle(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.loop = new SweepLoop(name(), clock, RETRY_AFTER_FAILURE, this::sweep);
    }

    @Override
    public String name() {
        return "elbv2-load-balancer-lifecycle";
    }

    @Override
    public void start() {
        loop.start(store, Set.of(LoadBalancerRecord.TABLE.name()), () -> { });
    }

    @Override
    public void close() {
        loop.stop(Duration.ofSeconds(5));
    }

    Optional<Instant> sweep() {
        Duration provisioning = provisioning();
        Instant now = clock.instant();
        Map<StoreScope, List<LoadBalancerRecord>> all = store.read(StoreScope.GLOBAL, tx -> tx.scanAll(LoadBalancerRecord.TABLE));
        Instant next = null;
        for (var scoped : all.entrySet()) {
            for (LoadBalancerRecord lb : scoped.getValue()) {
                if (!lb.state().equals(LoadBalancerRecord.PROVISIONING)) {
                    continue;
                }
                Instant due = lb.createdTime().plus(provisioning);
                if (due.isAfter(now)) {
                    next = next == null || due.isBefore(next) ? due : next;
                    continue;
                }
                store.write(scoped.getKey(), tx -> {
                    tx.get(LoadBalancerRecord.TABLE, lb.arn()).filter(l -> l.state().equals(LoadBalancerRecord.PROVISIONING))
                            .ifPresent(l -> tx.put(LoadBalancerRecord.TABLE, l.arn(), l.withState(LoadBalancerRecord.ACTIVE)));
                    return null;
                });
            }
        }
        return Optional.ofNullable(next);
    }

    private static Duration provisioning() {
        String value = System.getProperty("kumo.elbv2.provisioning-millis");
        if (value == null) {
            value = System.getenv("KUMO_ELBV2_PROVISIONING_MILLIS");
        }
        try {
            return Duration.ofMillis(value == null ? 500 : Math.max(0, Long.parseLong(value.strip().toLowerCase(Locale.ROOT))));
        } catch (NumberFormatException e) {
            return Duration.ofMillis(500);
        }
    }
}
