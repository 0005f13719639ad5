package io.kumo.ec2.compute.instance;

import io.kumo.core.service.Controller;
import io.kumo.core.store.Store;
import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Tx;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves instances through their timed states in every account and region: pending to running,
 * stopping to stopped, shutting-down to terminated, and terminated ones out after the retention.
 * It works from the stored timestamps alone, so after a restart it simply catches up. It sleeps
 * until the next change is due and wakes early when a commit touches the instances table.
 */
public final class InstanceLifecycle implements Controller {
    private static final System.Logger LOG = System.getLogger("kumo.ec2.instances");
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);
    /**
     * While some instance is pending, stopping or shutting down, look again at least this often:
     * the timings can be shortened at run time (tests do), which moves the due time earlier.
     */
    private static final Duration RECHECK_WHILE_TIMED = Duration.ofSeconds(1);

    private final Store store;
    private final Clock clock;
    private final Object signal = new Object();
    private boolean wakeRequested;
    /** Whether the last sweep saw an instance in a short timed state (pending, stopping, shutting-down). */
    private volatile boolean shortStatesSeen;
    private volatile boolean running;
    private Thread thread;

    private final boolean sandboxesDrive;

    /** @param sandboxesDrive whether real sandboxes end pending, stopping and shutting-down (then only retention is timed here) */
    public InstanceLifecycle(Store store, Clock clock, boolean sandboxesDrive) {
        this.store = store;
        this.clock = clock;
        this.sandboxesDrive = sandboxesDrive;
    }

    @Override
    public String name() {
        return "ec2-instance-lifecycle";
    }

    @Override
    public void start() {
        running = true;
        store.addCommitListener(event -> {
            if (running && (event.reset() || event.tables().contains(InstanceRecord.TABLE.name()))) {
                wake();
            }
        });
        thread = Thread.ofPlatform().daemon().name(name()).start(this::loop);
    }

    @Override
    public void close() {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void wake() {
        synchronized (signal) {
            wakeRequested = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            Optional<Instant> next;
            try {
                next = sweep();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "instance state sweep failed; retrying", e);
                next = Optional.of(clock.instant().plus(RETRY_AFTER_FAILURE));
            }
            waitUntil(next);
        }
    }

    private void waitUntil(Optional<Instant> next) {
        Optional<Instant> deadline = next.map(at -> {
            Instant recheck = clock.instant().plus(RECHECK_WHILE_TIMED);
            return shortStatesSeen && recheck.isBefore(at) ? recheck : at;
        });
        synchronized (signal) {
            while (running && !wakeRequested) {
                long millis = deadline.map(at -> Duration.between(clock.instant(), at).toMillis()).orElse(0L);
                if (deadline.isPresent() && millis <= 0) {
                    break;
                }
                try {
                    signal.wait(deadline.isPresent() ? millis : 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            wakeRequested = false;
        }
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
        shortStatesSeen = shortStates;
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
