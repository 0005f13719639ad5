package io.kumo.ec2.runtime;

import io.kumo.core.store.Store;

import java.time.Duration;
import java.util.Set;

/**
 * One platform thread that runs a reconcile pass whenever a commit touches one of the watched
 * tables, and at least every {@code tick}; a failed pass is logged and retried at the next one.
 */
final class ReconcileLoop {
    private static final System.Logger LOG = System.getLogger("kumo.ec2.runtime");

    private final String name;
    private final Duration tick;
    private final Runnable pass;
    private final Object signal = new Object();
    private boolean wakeRequested;
    private volatile boolean running;
    private Thread thread;

    ReconcileLoop(String name, Duration tick, Runnable pass) {
        this.name = name;
        this.tick = tick;
        this.pass = pass;
    }

    /** Starts the thread; {@code first} runs on it before the first pass. */
    void start(Store store, Set<String> watched, Runnable first) {
        running = true;
        store.addCommitListener(event -> {
            if (running && (event.reset() || event.tables().stream().anyMatch(watched::contains))) {
                wake();
            }
        });
        thread = Thread.ofPlatform().daemon().name(name).start(() -> {
            first.run();
            loop();
        });
    }

    void stop() {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void wake() {
        synchronized (signal) {
            wakeRequested = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                pass.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, name + " pass failed; retrying", e);
            }
            synchronized (signal) {
                if (!wakeRequested && running) {
                    try {
                        signal.wait(tick.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                wakeRequested = false;
            }
        }
    }
}
