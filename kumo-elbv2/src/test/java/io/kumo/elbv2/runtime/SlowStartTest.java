package io.kumo.elbv2.runtime;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SlowStartTest {
    private static final Instant HEALTHY_AT = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void theShareGrowsLinearlyOverTheDuration() {
        assertThat(SlowStart.share(Optional.of(HEALTHY_AT), HEALTHY_AT, 60)).isZero();
        assertThat(SlowStart.share(Optional.of(HEALTHY_AT), HEALTHY_AT.plusSeconds(15), 60)).isCloseTo(0.25, within(1e-9));
        assertThat(SlowStart.share(Optional.of(HEALTHY_AT), HEALTHY_AT.plusSeconds(45), 60)).isCloseTo(0.75, within(1e-9));
        assertThat(SlowStart.share(Optional.of(HEALTHY_AT), HEALTHY_AT.plusSeconds(60), 60)).isEqualTo(1);
        assertThat(SlowStart.share(Optional.of(HEALTHY_AT), HEALTHY_AT.plusSeconds(600), 60)).isEqualTo(1);
    }

    @Test
    void aTargetNotWarmingOrAGroupWithoutSlowStartTakesItsFullShare() {
        assertThat(SlowStart.share(Optional.empty(), HEALTHY_AT, 60)).isEqualTo(1);
        assertThat(SlowStart.share(Optional.of(HEALTHY_AT), HEALTHY_AT, 0)).isEqualTo(1);
    }
}
