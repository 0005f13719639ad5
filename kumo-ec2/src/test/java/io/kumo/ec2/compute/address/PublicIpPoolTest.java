package io.kumo.ec2.compute.address;

import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Tx;
import io.kumo.store.EmbeddedStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PublicIpPoolTest {
    private static final StoreScope TOKYO = new StoreScope("111111111111", "ap-northeast-1");
    private final EmbeddedStore store = EmbeddedStore.inMemory();

    @BeforeEach
    void tables() {
        store.register(PublicIpLease.TABLE);
        store.register(PublicIpCursor.TABLE);
    }

    @Test
    void addressesComeFromTheBenchmarkBlockAndAreSharedAcrossAccountsAndRegions() {
        store.write(TOKYO, tokyo -> {
            Tx virginia = tokyo.in(new StoreScope("222222222222", "us-east-1"));
            String a = PublicIpPool.lease(tokyo, "eni-a");
            String b = PublicIpPool.lease(virginia, "eni-b");
            assertThat(a).isEqualTo("127.18.0.1");
            assertThat(b).isEqualTo("127.18.0.2");
            assertThat(tokyo.get(PublicIpLease.TABLE, b)).get().extracting(PublicIpLease::account).isEqualTo("222222222222");
            return null;
        });
    }

    @Test
    void aReleasedAddressIsNotHandedOutAgainAtOnce() {
        store.write(TOKYO, tx -> {
            String first = PublicIpPool.lease(tx, "eni-a");
            PublicIpPool.release(tx, first);
            assertThat(PublicIpPool.lease(tx, "eni-a")).isNotEqualTo(first);
            return null;
        });
    }

    @Test
    void skipsNetworkAndBroadcastLookingAddressesAndNeverRepeats() {
        store.write(TOKYO, tx -> {
            Set<String> seen = new HashSet<>();
            for (int n = 0; n < 600; n++) {
                String ip = PublicIpPool.lease(tx, "eni-" + n);
                assertThat(ip).startsWith("127.1").doesNotEndWith(".0").doesNotEndWith(".255");
                assertThat(seen.add(ip)).isTrue();
            }
            assertThat(seen).contains("127.18.1.1", "127.18.2.1").doesNotContain("127.18.0.255", "127.18.1.0");
            return null;
        });
    }
}
