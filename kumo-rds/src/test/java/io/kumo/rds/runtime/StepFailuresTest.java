package io.kumo.rds.runtime;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StepFailuresTest {
    private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void delaysDoubleFromOneSecondUpToAMinute() {
        assertThat(StepFailures.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(StepFailures.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(StepFailures.delay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(StepFailures.delay(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(StepFailures.delay(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(StepFailures.delay(1000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aFailingInstanceWaitsOutItsDelayAndASuccessEndsTheStreak() {
        StepFailures failures = new StepFailures();
        assertThat(failures.due("a", T0)).isTrue();
        assertThat(failures.failed("a", T0)).isEqualTo(1);
        assertThat(failures.failed("a", T0)).isEqualTo(2);
        assertThat(failures.due("a", T0.plusMillis(1999))).isFalse();
        assertThat(failures.due("a", T0.plusSeconds(2))).isTrue();
        assertThat(failures.due("b", T0)).as("other instances are not held up").isTrue();
        failures.succeeded("a");
        assertThat(failures.due("a", T0)).isTrue();
        assertThat(failures.failed("a", T0)).isEqualTo(1);
    }
}
