package io.kumo.ec2.network.vpc;

import io.kumo.core.net.Ipv4Cidr;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VpcCidrRulesTest {

    private static boolean restricted(String primary, String candidate) {
        Ipv4Cidr p = Ipv4Cidr.parse(primary);
        return VpcCidrRules.restricted(p, List.of(p), Ipv4Cidr.parse(candidate));
    }

    @Test
    void otherPrivateRangesAreRestricted() {
        assertThat(restricted("10.0.0.0/16", "172.16.0.0/16")).isTrue();
        assertThat(restricted("10.0.0.0/16", "192.168.0.0/16")).isTrue();
        assertThat(restricted("172.20.0.0/16", "10.1.0.0/16")).isTrue();
        assertThat(restricted("192.168.0.0/16", "10.1.0.0/16")).isTrue();
        assertThat(restricted("100.64.0.0/16", "10.1.0.0/16")).isTrue();
    }

    @Test
    void sameRangePublicAndCarrierGradeNatAreAllowed() {
        assertThat(restricted("10.0.0.0/16", "10.1.0.0/16")).isFalse();
        assertThat(restricted("10.0.0.0/16", "100.64.0.0/16")).isFalse();
        assertThat(restricted("10.0.0.0/16", "203.0.113.0/24")).isFalse();
        assertThat(restricted("192.168.0.0/16", "100.64.0.0/16")).isFalse();
    }

    @Test
    void special198Range() {
        assertThat(restricted("10.0.0.0/16", "198.19.0.0/16")).isTrue();
        assertThat(restricted("198.19.0.0/24", "198.19.1.0/24")).isFalse();
    }

    @Test
    void defaultVpcRangeAndTenSlash15() {
        assertThat(restricted("172.20.0.0/16", "172.31.0.0/16")).isTrue();
        assertThat(restricted("172.31.0.0/16", "172.20.0.0/16")).isFalse();
        assertThat(restricted("10.1.0.0/16", "10.0.0.0/24")).isTrue();
        assertThat(restricted("10.2.0.0/16", "10.0.0.0/24")).isFalse();
    }
}
