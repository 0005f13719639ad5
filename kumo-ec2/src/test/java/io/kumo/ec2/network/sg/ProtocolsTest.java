package io.kumo.ec2.network.sg;

import io.kumo.core.AwsException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProtocolsTest {

    @Test
    void namesAndNumbersNormalise() {
        assertThat(Protocols.normalize("TCP")).isEqualTo("tcp");
        assertThat(Protocols.normalize("6")).isEqualTo("tcp");
        assertThat(Protocols.normalize("17")).isEqualTo("udp");
        assertThat(Protocols.normalize("1")).isEqualTo("icmp");
        assertThat(Protocols.normalize("58")).isEqualTo("icmpv6");
        assertThat(Protocols.normalize("all")).isEqualTo("-1");
        assertThat(Protocols.normalize("050")).isEqualTo("50");
        assertThatThrownBy(() -> Protocols.normalize("256")).isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> Protocols.normalize("gre")).isInstanceOf(AwsException.class);
    }

    @Test
    void ports() {
        assertThat(Protocols.ports("tcp", 22, 22)).containsExactly(22, 22);
        assertThat(Protocols.ports("-1", 22, 80)).containsExactly(-1, -1);
        assertThat(Protocols.ports("icmp", null, null)).containsExactly(-1, -1);
        assertThat(Protocols.ports("icmp", 8, 0)).containsExactly(8, 0);
        assertThatThrownBy(() -> Protocols.ports("tcp", null, 22)).hasMessageContaining("portRange");
        assertThatThrownBy(() -> Protocols.ports("udp", 10, 5)).isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> Protocols.ports("icmp", -1, 3)).isInstanceOf(AwsException.class);
    }

    @Test
    void duplicateWording() {
        assertThat(Protocols.describe("tcp", 22, 22)).isEqualTo("TCP, from port: 22, to port: 22");
        assertThat(Protocols.describe("-1", -1, -1)).isEqualTo("ALL");
        assertThat(Protocols.describe("icmp", 8, -1)).isEqualTo("ICMP, type: 8, code: -1");
    }
}
