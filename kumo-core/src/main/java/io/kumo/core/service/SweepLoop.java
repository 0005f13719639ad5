package io.kumo.core.service;

import io.kumo.core.store.Store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The thread of a controller: runs a sweep, sleeps until the time the sweep returns (for ever when
 * it returns none), and wakes early when a commit touches one of the watched tables or resets the
 * store. A sweep that throws is logged and tried again after {@code retryAfterFailure}.
 */
public final class SweepLoop {
    private static final System.Logger LOG = System.getLogger("kumo.controllers");

    private final String name;
    private final Clock clock;
    private final Duration retryAfterFailure;
    private final Supplier<Optional<Instant>> sweep;
    private final Object signal = new Object();
    private boolean wakeRequested;
    private volatile boolean running;
    private Thread thread;

    public SweepLoop(String name, Clock clock, Duration retryAfterFailure, Supplier<Optional<Instant>> sweep) {
        this.name = name;
        this.clock = clock;
        this.retryAfterFailure = retryAfterFailure;
        this.sweep = sweep;
    }

    /** Starts the platform thread; {@code first} runs on it before the first sweep. */
    public void start(Store store, Set<String> watchedTables, Runnable first) {
        running = true;
        store.addCommitListener(event -> {
            if (running && (event.reset() || event.tables().stream().anyMatch(watchedTables::contains))) {
                wake();
            }
        });
        thread = Thread.ofPlatform().daemon().name(name).start(() -> {
            first.run();
            loop();
        });
    }

    public void stop(Duration patience) {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(patience);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void wake() {
        synchronized (signal) {
            wakeRequested = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            Optional<Instant> next;
            try {
                next = sweep.get();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, name + " failed; retrying", e);
                next = Optional.of(clock.instant().plus(retryAfterFailure));
            }
            waitUntil(next);
        }
    }

    private void waitUntil(Optional<Instant> next) {
        synchronized (signal) {
            while (running && !wakeRequested) {
                long millis = next.map(at -> Duration.between(clock.instant(), at).toMillis()).orElse(0L);
                if (next.isPresent() && millis <= 0) {
                    break;
                }
                try {
                    signal.wait(next.isPresent() ? millis : 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            wakeRequested = false;
        }
    }
}
