package io.kumo.core.net;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressAllocatorTest {
    private static Ipv4Address ip(String text) {
        return Ipv4Address.parse(text);
    }

    @Test
    void firstAddressOfAnEmptySubnetIsBasePlusFour() {
        AddressAllocator allocator = AddressAllocator.forSubnet(Ipv4Cidr.parse("10.0.0.0/24"));

        assertThat(allocator.lowestFree(Set.of())).contains(ip("10.0.0.4"));
    }

    @Test
    void fillsTheLowestGap() {
        AddressAllocator allocator = AddressAllocator.forSubnet(Ipv4Cidr.parse("10.0.1.0/24"));

        assertThat(allocator.lowestFree(Set.of(ip("10.0.1.4"), ip("10.0.1.5"), ip("10.0.1.7")))).contains(ip("10.0.1.6"));
    }

    @Test
    void acceptsAnyCollectionOfUsedAddresses() {
        AddressAllocator allocator = AddressAllocator.forSubnet(Ipv4Cidr.parse("10.0.1.0/24"));

        assertThat(allocator.lowestFree(List.of(ip("10.0.1.4"), ip("10.0.1.4")))).contains(ip("10.0.1.5"));
    }

    @Test
    void isDeterministicAcrossCalls() {
        AddressAllocator allocator = AddressAllocator.forSubnet(Ipv4Cidr.parse("10.0.2.0/24"));
        Set<Ipv4Address> used = new HashSet<>();

        for (int i = 0; i < 10; i++) {
            used.add(allocator.lowestFree(used).orElseThrow());
        }

        assertThat(used).hasSize(10).contains(ip("10.0.2.4"), ip("10.0.2.13")).doesNotContain(ip("10.0.2.14"));
    }

    @Test
    void neverHandsOutTheBroadcastAndReportsFull() {
        AddressAllocator allocator = AddressAllocator.forSubnet(Ipv4Cidr.parse("10.0.0.16/28"));
        Set<Ipv4Address> used = new HashSet<>();

        for (int i = 0; i < 11; i++) {
            used.add(allocator.lowestFree(used).orElseThrow());
        }

        assertThat(used).contains(ip("10.0.0.30")).doesNotContain(ip("10.0.0.31"), ip("10.0.0.19"));
        assertThat(allocator.lowestFree(used)).isEmpty();
        assertThat(allocator.availableCount(used)).isZero();
    }

    @Test
    void countsWhatIsLeftIgnoringForeignAndReservedAddresses() {
        AddressAllocator allocator = AddressAllocator.forSubnet(Ipv4Cidr.parse("10.0.0.0/24"));

        assertThat(allocator.availableCount(List.of())).isEqualTo(251);
        assertThat(allocator.availableCount(List.of(ip("10.0.0.4"), ip("10.0.0.4"), ip("10.0.0.2"), ip("10.9.0.4"))))
                .isEqualTo(250);
    }

    @Test
    void worksOnTheNetworkEvenIfHostBitsWereWritten() {
        AddressAllocator allocator = AddressAllocator.forSubnet(Ipv4Cidr.parse("10.0.3.200/24"));

        assertThat(allocator.subnet()).hasToString("10.0.3.0/24");
        assertThat(allocator.lowestFree(Set.of())).contains(ip("10.0.3.4"));
    }

    @Test
    void scansALargeSubnetQuickly() {
        AddressAllocator allocator = AddressAllocator.forSubnet(Ipv4Cidr.parse("10.0.0.0/16"));
        Set<Ipv4Address> used = new HashSet<>();
        for (long offset = 4; offset < 60_000; offset++) {
            used.add(Ipv4Cidr.parse("10.0.0.0/16").addressAt(offset));
        }

        assertThat(allocator.lowestFree(used)).contains(ip("10.0.234.96"));
    }

    @Test
    void refusesSubnetsTooSmallForReservations() {
        assertThatThrownBy(() -> AddressAllocator.forSubnet(Ipv4Cidr.parse("10.0.0.0/30")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
