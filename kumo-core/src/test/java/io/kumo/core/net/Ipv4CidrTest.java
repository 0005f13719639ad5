package io.kumo.core.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ipv4CidrTest {
    @Test
    void describesAVpcBlock() {
        Ipv4Cidr vpc = Ipv4Cidr.parse("10.0.0.0/16");

        assertThat(vpc.prefixLength()).isEqualTo(16);
        assertThat(vpc.size()).isEqualTo(65_536);
        assertThat(vpc.first()).hasToString("10.0.0.0");
        assertThat(vpc.last()).hasToString("10.0.255.255");
        assertThat(vpc.netmask()).hasToString("255.255.0.0");
        assertThat(vpc).hasToString("10.0.0.0/16");
    }

    @ParameterizedTest
    @CsvSource({"0.0.0.0/0,4294967296,0.0.0.0,255.255.255.255", "10.1.2.3/32,1,10.1.2.3,10.1.2.3",
        "172.16.0.0/12,1048576,172.16.0.0,172.31.255.255", "10.0.0.16/28,16,10.0.0.16,10.0.0.31"})
    void handlesTheExtremesOfPrefixLength(String text, long size, String first, String last) {
        Ipv4Cidr cidr = Ipv4Cidr.parse(text);

        assertThat(cidr.size()).isEqualTo(size);
        assertThat(cidr.first()).hasToString(first);
        assertThat(cidr.last()).hasToString(last);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0", "10.0.0.0/", "/16", "10.0.0.0/33", "10.0.0.0/016", "10.0.0.0/-1",
        "10.0.0.0/16/1", "10.0.0.0 /16", "10.0.0.0/1 6", "10.0.0/16", "10.0.0.0/x"})
    void refusesMalformedBlocks(String text) {
        assertThatThrownBy(() -> Ipv4Cidr.parse(text)).isInstanceOf(InvalidAddressException.class);
    }

    @Test
    void keepsHostBitsSoTheCallerCanDecide() {
        Ipv4Cidr written = Ipv4Cidr.parse("172.32.13.0/23");

        assertThat(written.isNetworkAligned()).isFalse();
        assertThat(written).hasToString("172.32.13.0/23");
        assertThat(written.normalized()).hasToString("172.32.12.0/23");
        assertThat(written.normalized().isNetworkAligned()).isTrue();
        assertThat(written.first()).hasToString("172.32.12.0");
    }

    @Test
    void normalizingAnAlignedBlockChangesNothing() {
        Ipv4Cidr aligned = Ipv4Cidr.parse("10.0.0.0/16");

        assertThat(aligned.normalized()).isSameAs(aligned);
    }

    @Test
    void parseNetworkRefusesHostBits() {
        assertThat(Ipv4Cidr.parseNetwork("10.0.0.0/16")).hasToString("10.0.0.0/16");
        assertThatThrownBy(() -> Ipv4Cidr.parseNetwork("10.0.0.1/16"))
                .isInstanceOf(InvalidAddressException.class)
                .hasMessageContaining("10.0.0.0/16");
    }

    @Test
    void containsAddresses() {
        Ipv4Cidr subnet = Ipv4Cidr.parse("10.0.1.0/24");

        assertThat(subnet.contains(Ipv4Address.parse("10.0.1.0"))).isTrue();
        assertThat(subnet.contains(Ipv4Address.parse("10.0.1.255"))).isTrue();
        assertThat(subnet.contains(Ipv4Address.parse("10.0.2.0"))).isFalse();
        assertThat(subnet.contains(Ipv4Address.parse("10.0.0.255"))).isFalse();
    }

    @Test
    void containsBlocks() {
        Ipv4Cidr vpc = Ipv4Cidr.parse("10.0.0.0/16");

        assertThat(vpc.contains(Ipv4Cidr.parse("10.0.3.0/24"))).isTrue();
        assertThat(vpc.contains(vpc)).isTrue();
        assertThat(vpc.contains(Ipv4Cidr.parse("10.0.0.0/15"))).isFalse();
        assertThat(vpc.contains(Ipv4Cidr.parse("10.1.0.0/24"))).isFalse();
        assertThat(Ipv4Cidr.parse("0.0.0.0/0").contains(vpc)).isTrue();
    }

    @Test
    void overlapIsSymmetric() {
        Ipv4Cidr vpc = Ipv4Cidr.parse("10.0.0.0/16");
        Ipv4Cidr inside = Ipv4Cidr.parse("10.0.128.0/17");
        Ipv4Cidr neighbour = Ipv4Cidr.parse("10.1.0.0/16");
        Ipv4Cidr wider = Ipv4Cidr.parse("10.0.0.0/8");

        assertThat(vpc.overlaps(inside)).isTrue();
        assertThat(inside.overlaps(vpc)).isTrue();
        assertThat(vpc.overlaps(wider)).isTrue();
        assertThat(wider.overlaps(vpc)).isTrue();
        assertThat(vpc.overlaps(neighbour)).isFalse();
        assertThat(neighbour.overlaps(vpc)).isFalse();
        assertThat(Ipv4Cidr.parse("10.0.0.0/24").overlaps(Ipv4Cidr.parse("10.0.1.0/24"))).isFalse();
    }

    @Test
    void addressesByOffset() {
        Ipv4Cidr subnet = Ipv4Cidr.parse("10.0.0.0/24");

        assertThat(subnet.addressAt(0)).hasToString("10.0.0.0");
        assertThat(subnet.addressAt(2)).hasToString("10.0.0.2");
        assertThat(subnet.addressAt(255)).hasToString("10.0.0.255");
        assertThat(subnet.offsetOf(Ipv4Address.parse("10.0.0.37"))).isEqualTo(37);
        assertThatThrownBy(() -> subnet.addressAt(256)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> subnet.addressAt(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> subnet.offsetOf(Ipv4Address.parse("10.0.1.0"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void offsetsCountFromTheNetworkEvenWhenHostBitsWereWritten() {
        Ipv4Cidr written = Ipv4Cidr.parse("10.0.0.77/24");

        assertThat(written.addressAt(4)).hasToString("10.0.0.4");
        assertThat(written.offsetOf(Ipv4Address.parse("10.0.0.77"))).isEqualTo(77);
    }

    @Test
    void refusesPrefixOutOfRangeInConstructor() {
        assertThatThrownBy(() -> Ipv4Cidr.of(Ipv4Address.parse("10.0.0.0"), 33)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4Cidr.of(Ipv4Address.parse("10.0.0.0"), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
