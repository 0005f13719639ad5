package io.kumo.elbv2.runtime;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TraceIdsTest {
    @Test
    void rootIdCarriesTheEpochSecondsAndNinetySixRandomBits() {
        long before = System.currentTimeMillis() / 1000;
        String id = TraceIds.next().toString();
        long after = System.currentTimeMillis() / 1000;

        assertThat(id).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
        long seconds = Long.parseLong(id.substring(7, 15), 16);
        assertThat(seconds).isBetween(before, after);
    }

    @Test
    void idsDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(TraceIds.next().toString().substring(16));
        }
        assertThat(seen).hasSize(1000);
    }
}
