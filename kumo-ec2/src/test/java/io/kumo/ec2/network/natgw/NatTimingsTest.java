package io.kumo.ec2.network.natgw;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class NatTimingsTest {
    private final NatTimings timings = new NatTimings(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofHours(1));
    private final Instant t0 = Instant.parse("2025-01-01T00:00:00Z");

    private NatGatewayRecord nat(Instant deletedAt) {
        return new NatGatewayRecord("nat-00000000", "vpc-00000000", "subnet-00000000", "private",
                deletedAt == null ? NatGatewayRecord.PENDING : NatGatewayRecord.DELETING, null, null, "10.0.0.4", "eni-00000000",
                t0, deletedAt);
    }

    @Test
    void pendingThenAvailable() {
        assertThat(timings.stateAt(nat(null), t0.plusMillis(500))).isEqualTo("pending");
        assertThat(timings.stateAt(nat(null), t0.plusSeconds(2))).isEqualTo("available");
    }

    @Test
    void deletingThenDeletedThenGone() {
        Instant deleted = t0.plusSeconds(10);
        assertThat(timings.stateAt(nat(deleted), deleted.plusSeconds(1))).isEqualTo("deleting");
        assertThat(timings.stateAt(nat(deleted), deleted.plusSeconds(3))).isEqualTo("deleted");
        assertThat(timings.stateAt(nat(deleted), deleted.plus(Duration.ofHours(2)))).isNull();
    }
}
