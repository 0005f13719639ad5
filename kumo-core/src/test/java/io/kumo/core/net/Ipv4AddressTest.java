package io.kumo.core.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ipv4AddressTest {
    @Test
    void parsesAndFormatsDottedQuad() {
        Ipv4Address address = Ipv4Address.parse("10.0.1.254");

        assertThat(address.value()).isEqualTo(0x0A0001FEL);
        assertThat(address).hasToString("10.0.1.254");
    }

    @Test
    void coversTheWholeUnsignedRange() {
        assertThat(Ipv4Address.parse("0.0.0.0").value()).isZero();
        assertThat(Ipv4Address.parse("255.255.255.255").value()).isEqualTo(Ipv4Address.MAX_VALUE);
        assertThat(Ipv4Address.of(Ipv4Address.MAX_VALUE)).hasToString("255.255.255.255");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0", "10.0.0.0.0", "10.0.0.256", "10.0.0.-1", "10.0.0.01", "010.0.0.1",
        "10.0.0.a", " 10.0.0.1", "10.0.0.1 ", "10..0.1", "10.0.0.", "+1.0.0.1", "1.0.0.0x1", "1000.0.0.1", "::1"})
    void refusesAnythingButStrictDottedQuad(String text) {
        assertThatThrownBy(() -> Ipv4Address.parse(text))
                .isInstanceOf(InvalidAddressException.class)
                .satisfies(e -> assertThat(((InvalidAddressException) e).input()).isEqualTo(text));
    }

    @Test
    void stepsForwardAndBack() {
        Ipv4Address address = Ipv4Address.parse("10.0.0.255");

        assertThat(address.next()).hasToString("10.0.1.0");
        assertThat(address.previous()).hasToString("10.0.0.254");
        assertThat(address.plus(257)).hasToString("10.0.2.0");
        assertThat(address.plus(-255)).hasToString("10.0.0.0");
    }

    @Test
    void refusesToLeaveTheAddressSpace() {
        assertThatThrownBy(() -> Ipv4Address.parse("255.255.255.255").next()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4Address.parse("0.0.0.0").previous()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4Address.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4Address.of(1L << 32)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersNumericallyNotTextually() {
        assertThat(Ipv4Address.parse("10.0.0.9")).isLessThan(Ipv4Address.parse("10.0.0.10"));
        assertThat(Ipv4Address.parse("200.0.0.0")).isGreaterThan(Ipv4Address.parse("100.0.0.0"));
    }

    @Test
    void equalityFollowsValue() {
        assertThat(Ipv4Address.parse("192.168.0.1")).isEqualTo(Ipv4Address.of(0xC0A80001L));
    }
}
