package io.kumo.ec2.runtime;

import io.kumo.core.store.Store;
import io.kumo.core.store.StoreScope;
import io.kumo.ec2.compute.instance.InstanceRecord;
import io.kumo.ec2.compute.instance.InstanceState;
import io.kumo.ec2.compute.instance.InstanceTimings;
import io.kumo.ec2.compute.instance.InstanceTransitions;
import io.kumo.ec2.runtime.plan.InstancePlan;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The states a runner writes back once what runs has caught up: running, stopped, terminated, or failed. */
final class InstanceStates {
    private final Store store;
    private final Clock clock;

    InstanceStates(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Ends the passing states of these instances: pending ones run, stopping and shutting-down ones
     * have halted. An instance still in its explicitly set minimum time, or {@code held}, waits for
     * a later pass; {@code beforeTermination} runs in the transaction that terminates one.
     */
    void settle(List<InstancePlan> plans, InstanceState onlyFrom, Predicate<String> held, java.util.function.BiConsumer<io.kumo.core.store.Tx, InstanceRecord> beforeTermination) {
        InstanceTimings minimums = InstanceTimings.explicitMinimums();
        Instant now = clock.instant();
        for (InstancePlan p : plans) {
            if (InstanceTransitions.dueAt(p.instance(), minimums).map(now::isBefore).orElse(false) || held.test(p.instanceId())) {
                continue;
            }
            store.write(scope(p), tx -> {
                Optional<InstanceRecord> current = tx.get(InstanceRecord.TABLE, p.instanceId());
                current.filter(r -> r.state() == p.instance().state() && (onlyFrom == null || r.state() == onlyFrom))
                        .ifPresent(r -> {
                            if (r.state() == InstanceState.SHUTTING_DOWN) {
                                beforeTermination.accept(tx, r);
                            }
                            InstanceTransitions.settle(tx, r, clock.instant());
                        });
                return null;
            });
        }
    }

    /** The instance could not run: it is stopped, with EC2's Server.InternalError reason. */
    void failed(InstancePlan p, String why) {
        store.write(scope(p), tx -> {
            tx.get(InstanceRecord.TABLE, p.instanceId()).ifPresent(r -> {
                if (r.state() == InstanceState.PENDING || r.state() == InstanceState.RUNNING) {
                    tx.put(InstanceRecord.TABLE, r.instanceId(), r.withLifecycle(r.lifecycle().to(InstanceState.STOPPED, clock.instant(),
                            "Server.InternalError", "Server.InternalError", "Server.InternalError: " + why)));
                }
            });
            return null;
        });
    }

    static StoreScope scope(InstancePlan p) {
        return new StoreScope(p.instance().ownerId(), p.region());
    }
}
