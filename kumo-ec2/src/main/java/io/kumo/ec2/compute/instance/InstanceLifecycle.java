package io.kumo.ec2.compute.instance;

import io.kumo.core.service.Controller;
import io.kumo.core.service.SweepLoop;
import io.kumo.core.store.Store;
import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Tx;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Moves instances through their timed states in every account and region: pending to running,
 * stopping to stopped, shutting-down to terminated, and terminated ones out after the retention.
 * It works from the stored timestamps alone, so after a restart it simply catches up. It sleeps
 * until the next change is due and wakes early when a commit touches the instances table.
 */
public final class InstanceLifecycle implements Controller {
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);
    /**
     * While some instance is pending, stopping or shutting down, look again at least this often:
     * the timings can be shortened at run time (tests do), which moves the due time earlier.
     */
    private static final Duration RECHECK_WHILE_TIMED = Duration.ofSeconds(1);

    private final Store store;
    private final Clock clock;
    private final boolean sandboxesDrive;
    private final SweepLoop loop;

    /** @param sandboxesDrive whether real sandboxes end pending, stopping and shutting-down (then only retention is timed here) */
    public InstanceLifecycle(Store store, Clock clock, boolean sandboxesDrive) {
        this.store = store;
        this.clock = clock;
        this.sandboxesDrive = sandboxesDrive;
        this.loop = new SweepLoop(name(), clock, RETRY_AFTER_FAILURE, this::sweep);
    }

    @Override
    public String name() {
        return "ec2-instance-lifecycle";
    }

    @Override
    public void start() {
        loop.start(store, Set.of(InstanceRecord.TABLE.name()), () -> { });
    }

    @Override
    public void close() {
        loop.stop(Duration.ofSeconds(5));
    }

    /** Applies every due change; returns when the next one falls due. */
    Optional<Instant> sweep() {
        InstanceTimings timings = InstanceTimings.current();
        Instant now = clock.instant();
        Map<StoreScope, List<InstanceRecord>> all = store.read(StoreScope.GLOBAL, tx -> tx.scanAll(InstanceRecord.TABLE));
        Instant next = null;
        boolean shortStates = false;
        for (var entry : all.entrySet()) {
            boolean anyDue = false;
            for (InstanceRecord r : entry.getValue()) {
                Optional<Instant> due = InstanceTransitions.dueAt(r, timings, sandboxesDrive);
                if (due.isEmpty()) {
                    continue;
                }
                shortStates |= r.state() != InstanceState.TERMINATED;
                if (!due.get().isAfter(now)) {
                    anyDue = true;
                } else if (next == null || due.get().isBefore(next)) {
                    next = due.get();
                }
            }
            if (anyDue) {
                store.write(entry.getKey(), tx -> advanceAll(tx, now, timings, sandboxesDrive));
            }
        }
        if (shortStates && next != null) {
            Instant recheck = now.plus(RECHECK_WHILE_TIMED);
            next = recheck.isBefore(next) ? recheck : next;
        }
        return Optional.ofNullable(next);
    }

    private static Void advanceAll(Tx tx, Instant now, InstanceTimings timings, boolean sandboxesDrive) {
        for (InstanceRecord r : tx.list(InstanceRecord.TABLE)) {
            Optional<Instant> due = InstanceTransitions.dueAt(r, timings, sandboxesDrive);
            if (due.isPresent() && !due.get().isAfter(now)) {
                InstanceTransitions.settle(tx, r, now);
            }
        }
        return null;
    }
}
