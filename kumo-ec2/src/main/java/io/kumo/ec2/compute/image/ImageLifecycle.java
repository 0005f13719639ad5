package io.kumo.ec2.compute.image;

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
 * The timed side of images in every account and region: where nothing freezes layers (instances
 * are API records only), a pending image becomes available after {@link ImageTimings#pending()};
 * deregistered ids are forgotten after {@link ImageTimings#deregisteredRetention()}. Where
 * sandboxes run, the instance runner completes builds instead, once the layer is frozen. Works
 * from stored timestamps alone, so after a restart it catches up.
 */
public final class ImageLifecycle implements Controller {
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);
    /** Timings may be shortened at run time (tests do), so a pending build is looked at this often. */
    private static final Duration RECHECK_WHILE_PENDING = Duration.ofSeconds(1);

    private final Store store;
    private final Clock clock;
    private final boolean sandboxesFreeze;
    private final SweepLoop loop;

    /** @param sandboxesFreeze whether the instance runner freezes layers and so ends pending builds */
    public ImageLifecycle(Store store, Clock clock, boolean sandboxesFreeze) {
        this.store = store;
        this.clock = clock;
        this.sandboxesFreeze = sandboxesFreeze;
        this.loop = new SweepLoop(name(), clock, RETRY_AFTER_FAILURE, this::sweep);
    }

    @Override
    public String name() {
        return "ec2-image-lifecycle";
    }

    @Override
    public void start() {
        loop.start(store, Set.of(ImageBuildRecord.TABLE.name(), DeregisteredImage.TABLE.name()), () -> { });
    }

    @Override
    public void close() {
        loop.stop(Duration.ofSeconds(5));
    }

    /** Applies every due change; returns when to look again. */
    Optional<Instant> sweep() {
        ImageTimings timings = ImageTimings.current();
        Instant now = clock.instant();
        Map<StoreScope, List<ImageBuildRecord>> builds = store.read(StoreScope.GLOBAL, tx -> tx.scanAll(ImageBuildRecord.TABLE));
        Map<StoreScope, List<DeregisteredImage>> forgotten = store.read(StoreScope.GLOBAL, tx -> tx.scanAll(DeregisteredImage.TABLE));
        Instant next = null;
        for (var entry : builds.entrySet()) {
            if (sandboxesFreeze) {
                break;
            }
            for (ImageBuildRecord build : entry.getValue()) {
                Instant due = build.requestedAt().plus(timings.pending());
                if (!due.isAfter(now)) {
                    store.write(entry.getKey(), tx -> ImageBuilds.complete(tx, build.imageId()));
                } else {
                    next = earliest(next, earliest(due, now.plus(RECHECK_WHILE_PENDING)));
                }
            }
        }
        for (var entry : forgotten.entrySet()) {
            for (DeregisteredImage gone : entry.getValue()) {
                Instant due = gone.deregisteredAt().plus(timings.deregisteredRetention());
                if (!due.isAfter(now)) {
                    store.write(entry.getKey(), (Tx tx) -> tx.delete(DeregisteredImage.TABLE, gone.imageId()));
                } else {
                    next = earliest(next, due);
                }
            }
        }
        return Optional.ofNullable(next);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
