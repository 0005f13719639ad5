package io.kumo.core.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CidrBlocksTest {
    @Test
    void reservesNetworkRouterDnsFutureAndBroadcast() {
        assertThat(CidrBlocks.reservedAddresses(Ipv4Cidr.parse("10.0.1.0/24")))
                .extracting(Ipv4Address::toString)
                .containsExactly("10.0.1.0", "10.0.1.1", "10.0.1.2", "10.0.1.3", "10.0.1.255");
    }

    @Test
    void reservationsFollowTheNetworkNotTheWrittenAddress() {
        assertThat(CidrBlocks.reservedAddresses(Ipv4Cidr.parse("10.0.1.9/24")).getFirst()).hasToString("10.0.1.0");
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0/24,251", "10.0.0.0/16,65531", "10.0.0.0/28,11", "10.0.0.0/20,4091"})
    void countsAvailableAddressesAsEc2Does(String cidr, long available) {
        assertThat(CidrBlocks.availableAddressCount(Ipv4Cidr.parse(cidr))).isEqualTo(available);
    }

    @Test
    void refusesBlocksTooSmallForTheReservations() {
        assertThatThrownBy(() -> CidrBlocks.availableAddressCount(Ipv4Cidr.parse("10.0.0.0/30")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CidrBlocks.availableAddressCount(Ipv4Cidr.parse("10.0.0.0/29"))).isEqualTo(3);
    }

    @Test
    void knowsTheRouterAndTheVpcResolver() {
        assertThat(CidrBlocks.routerAddress(Ipv4Cidr.parse("10.0.2.0/24"))).hasToString("10.0.2.1");
        assertThat(CidrBlocks.vpcDnsServerAddress(Ipv4Cidr.parse("10.0.0.0/16"))).hasToString("10.0.0.2");
        assertThat(CidrBlocks.isReserved(Ipv4Cidr.parse("10.0.2.0/24"), Ipv4Address.parse("10.0.2.3"))).isTrue();
        assertThat(CidrBlocks.isReserved(Ipv4Cidr.parse("10.0.2.0/24"), Ipv4Address.parse("10.0.2.4"))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0/16,true", "10.0.0.0/8,true", "172.16.0.0/12,true", "172.31.255.0/24,true",
        "172.32.0.0/16,false", "172.15.0.0/16,false", "192.168.0.0/16,true", "192.168.0.0/15,false",
        "100.64.0.0/16,false", "9.0.0.0/8,false", "0.0.0.0/0,false"})
    void recognisesRfc1918Blocks(String cidr, boolean private_) {
        assertThat(CidrBlocks.isRfc1918(Ipv4Cidr.parse(cidr))).isEqualTo(private_);
    }

    @ParameterizedTest
    @CsvSource({"15,false", "16,true", "24,true", "28,true", "29,false", "8,false"})
    void allowsVpcSizesFromSixteenToTwentyEight(int prefix, boolean allowed) {
        assertThat(CidrBlocks.hasAllowedVpcSize(Ipv4Cidr.of(Ipv4Address.parse("10.0.0.0"), prefix))).isEqualTo(allowed);
    }
}
