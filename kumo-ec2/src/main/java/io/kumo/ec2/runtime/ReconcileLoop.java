package io.kumo.ec2.runtime;

import io.kumo.core.service.SweepLoop;
import io.kumo.core.store.Store;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A runner's thread: a reconcile pass whenever a commit touches one of the watched tables, and at
 * least every {@code tick}. A slow pass is logged with where its time went.
 */
final class ReconcileLoop {
    private static final System.Logger LOG = System.getLogger("kumo.ec2.runtime");
    /** A pass this slow delays boots and firewall changes past what users expect (about a second). */
    private static final long SLOW_PASS_MILLIS = 1000;

    private final SweepLoop loop;

    ReconcileLoop(String name, Duration tick, Runnable pass) {
        this(name, tick, pass, () -> "");
    }

    /** @param details what the last pass spent its time on, logged with a slow pass */
    ReconcileLoop(String name, Duration tick, Runnable pass, Supplier<String> details) {
        Clock clock = Clock.systemUTC();
        this.loop = new SweepLoop(name, clock, tick, () -> {
            long started = System.nanoTime();
            pass.run();
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (millis > SLOW_PASS_MILLIS) {
                LOG.log(System.Logger.Level.INFO, name + " pass took " + millis + " ms: " + details.get());
            }
            return Optional.of(clock.instant().plus(tick));
        });
    }

    /** Starts the thread; {@code first} runs on it before the first pass. */
    void start(Store store, Set<String> watched, Runnable first) {
        loop.start(store, watched, first);
    }

    void stop() {
        loop.stop(Duration.ofSeconds(10));
    }

    void wake() {
        loop.wake();
    }
}
