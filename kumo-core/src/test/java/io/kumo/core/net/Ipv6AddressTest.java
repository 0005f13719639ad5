package io.kumo.core.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ipv6AddressTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "2001:DB8::1, 2001:db8::1",
        "::, ::",
        "::1, ::1",
        "1::, 1::",
        "0:0:0:0:0:0:0:0, ::",
        // RFC 5952 4.2.2: a single zero group is not compressed.
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        // RFC 5952 4.2.3: the longest run wins; on a tie the first.
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2600:1f18:02c9:a100:0000:0000:0000:0000, 2600:1f18:2c9:a100::",
        "::ffff:10.0.0.1, ::ffff:a00:1",
        "64:ff9b::192.0.2.33, 64:ff9b::c000:221",
        "fe80:0:0:0:0:0:0:0, fe80::",
        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"})
    void printsCanonicalForm(String written, String canonical) {
        assertThat(Ipv6Address.parse(written)).hasToString(canonical);
        assertThat(Ipv6Address.parse(canonical)).isEqualTo(Ipv6Address.parse(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":::", "1:::2", "1::2::3", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "12345::", "g::1", ":1::", "1::2:", "fe80::1%eth0",
        "[::1]", "1.2.3.4", "::1.2.3", "1.2.3.4::", " ::1"})
    void refusesMalformedText(String text) {
        assertThatThrownBy(() -> Ipv6Address.parse(text)).isInstanceOf(InvalidAddressException.class);
    }

    @Test
    void holdsHalvesAsUnsignedBits() {
        Ipv6Address address = Ipv6Address.parse("8000::1");

        assertThat(address.high()).isEqualTo(0x8000_0000_0000_0000L);
        assertThat(address.low()).isEqualTo(1L);
        assertThat(address).isGreaterThan(Ipv6Address.parse("7fff::"));
    }

    @Test
    void acceptsSevenGroupsAroundAGap() {
        assertThat(Ipv6Address.parse("1:2:3::5:6:7:8")).hasToString("1:2:3:0:5:6:7:8");
    }
}
