package io.kumo.elbv2.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * slow_start.duration_seconds: a target that turns healthy while others already serve warms up,
 * its share of new requests growing linearly from nothing to its full share over the duration.
 */
final class SlowStart {
    private SlowStart() {
    }

    /** The fraction of its full share a target takes now: 1 outside slow start. */
    static double share(Optional<Instant> warmingSince, Instant now, int durationSeconds) {
        if (durationSeconds <= 0 || warmingSince.isEmpty()) {
            return 1;
        }
        double elapsed = Duration.between(warmingSince.get(), now).toMillis() / 1000.0;
        return Math.clamp(elapsed / durationSeconds, 0.0, 1.0);
    }

    static int durationSeconds(ElbPlans.Group group) {
        String value = group.attributes().get("slow_start.duration_seconds");
        return value == null ? 0 : Integer.parseInt(value);
    }
}
