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

    /** A pass this slow delays boots and firewall changes past what users expect (about a second). */
    private static final long SLOW_PASS_MILLIS = 1000;

    private final String name;
    private final Duration tick;
    private final Runnable pass;
    private final Object signal = new Object();
    private boolean wakeRequested;
    private volatile boolean running;
    private Thread thread;

    private final java.util.function.Supplier<String> details;

    ReconcileLoop(String name, Duration tick, Runnable pass) {
        this(name, tick, pass, () -> "");
    }

    /** @param details what the last pass spent its time on, logged with a slow pass */
    ReconcileLoop(String name, Duration tick, Runnable pass, java.util.function.Supplier<String> details) {
        this.name = name;
        this.tick = tick;
        this.pass = pass;
        this.details = details;
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
            long started = System.nanoTime();
            try {
                pass.run();
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (millis > SLOW_PASS_MILLIS) {
                    LOG.log(System.Logger.Level.INFO, name + " pass took " + millis + " ms: " + details.get());
                }
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
