package io.kumo.rds.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Instances whose step keeps failing: each is tried again later and later (a second, doubling up
 * to a minute), so a server that cannot start does not spin, and the runtime gives up after a few
 * attempts where RDS would show a status for it.
 */
final class StepFailures {
    static final int ATTEMPTS_BEFORE_GIVING_UP = 3;
    private static final Duration MAX_DELAY = Duration.ofSeconds(60);

    private record Streak(int count, Instant retryAt) {
    }

    private final Map<String, Streak> streaks = new ConcurrentHashMap<>();

    /** True when the instance has no failure waiting out its delay at {@code now}. */
    boolean due(String key, Instant now) {
        Streak s = streaks.get(key);
        return s == null || !now.isBefore(s.retryAt());
    }

    /** Counts a failure at {@code now}; returns how many in a row. */
    int failed(String key, Instant now) {
        return streaks.compute(key, (k, s) -> {
            int count = s == null ? 1 : s.count() + 1;
            return new Streak(count, now.plus(delay(count)));
        }).count();
    }

    void succeeded(String key) {
        streaks.remove(key);
    }

    static Duration delay(int failures) {
        long seconds = 1L << Math.min(failures - 1, 6);
        return seconds > MAX_DELAY.toSeconds() ? MAX_DELAY : Duration.ofSeconds(seconds);
    }
}
