package io.kumo.core.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ipv6CidrTest {
    @Test
    void parsesAndPrintsCanonically() {
        Ipv6Cidr vpc = Ipv6Cidr.parse("2600:1F18:02C9:A100:0000::/56");

        assertThat(vpc.prefixLength()).isEqualTo(56);
        assertThat(vpc).hasToString("2600:1f18:2c9:a100::/56");
        assertThat(vpc.isNetworkAligned()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::", "::/", "::/129", "::/0128", "2001:db8::/64/1", "2001:db8::1/x", "/64"})
    void refusesMalformedBlocks(String text) {
        assertThatThrownBy(() -> Ipv6Cidr.parse(text)).isInstanceOf(InvalidAddressException.class);
    }

    @Test
    void normalizesHostBitsAcrossTheHalfWordBoundary() {
        Ipv6Cidr written = Ipv6Cidr.parse("2400:6500:d9d1:1f27::/56");

        assertThat(written.isNetworkAligned()).isFalse();
        assertThat(written.normalized()).hasToString("2400:6500:d9d1:1f00::/56");
        assertThat(Ipv6Cidr.parse("2001:db8::1/64").normalized()).hasToString("2001:db8::/64");
        assertThat(Ipv6Cidr.parse("2001:db8::1/127").normalized()).hasToString("2001:db8::/127");
        assertThatThrownBy(() -> Ipv6Cidr.parseNetwork("2001:db8::1/64")).isInstanceOf(InvalidAddressException.class);
    }

    @Test
    void firstAndLastSpanTheBlock() {
        Ipv6Cidr subnet = Ipv6Cidr.parse("2001:db8:1:2::/64");

        assertThat(subnet.first()).hasToString("2001:db8:1:2::");
        assertThat(subnet.last()).hasToString("2001:db8:1:2:ffff:ffff:ffff:ffff");
        assertThat(Ipv6Cidr.parse("::/0").last()).hasToString("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
        assertThat(Ipv6Cidr.parse("::1/128").first()).hasToString("::1");
        assertThat(Ipv6Cidr.parse("::1/128").last()).hasToString("::1");
    }

    @Test
    void containsAddressesAndBlocks() {
        Ipv6Cidr vpc = Ipv6Cidr.parse("2600:1f18:2c9:a100::/56");

        assertThat(vpc.contains(Ipv6Address.parse("2600:1f18:2c9:a1ff:ffff::1"))).isTrue();
        assertThat(vpc.contains(Ipv6Address.parse("2600:1f18:2c9:a200::"))).isFalse();
        assertThat(vpc.contains(Ipv6Cidr.parse("2600:1f18:2c9:a104::/64"))).isTrue();
        assertThat(vpc.contains(Ipv6Cidr.parse("2600:1f18:2c9:a100::/55"))).isFalse();
        assertThat(Ipv6Cidr.parse("::/0").contains(vpc)).isTrue();
    }

    @Test
    void overlapIsSymmetric() {
        Ipv6Cidr a = Ipv6Cidr.parse("2001:db8::/32");
        Ipv6Cidr inside = Ipv6Cidr.parse("2001:db8:ffff::/48");
        Ipv6Cidr outside = Ipv6Cidr.parse("2001:db9::/32");

        assertThat(a.overlaps(inside)).isTrue();
        assertThat(inside.overlaps(a)).isTrue();
        assertThat(a.overlaps(outside)).isFalse();
        assertThat(outside.overlaps(a)).isFalse();
    }

    @Test
    void masksInsideTheLowHalf() {
        Ipv6Cidr narrow = Ipv6Cidr.parse("2001:db8::100/120");

        assertThat(narrow.contains(Ipv6Address.parse("2001:db8::1ff"))).isTrue();
        assertThat(narrow.contains(Ipv6Address.parse("2001:db8::200"))).isFalse();
    }
}
