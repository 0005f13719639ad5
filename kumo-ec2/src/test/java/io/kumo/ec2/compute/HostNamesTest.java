package io.kumo.ec2.compute;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostNamesTest {

    @Test
    void namesFollowEc2sPatternWithUsEast1sLegacyDomains() {
        assertThat(HostNames.privateDnsName("ap-northeast-1", "10.0.0.5")).isEqualTo("ip-10-0-0-5.ap-northeast-1.compute.internal");
        assertThat(HostNames.privateDnsName("us-east-1", "10.0.0.5")).isEqualTo("ip-10-0-0-5.ec2.internal");
        assertThat(HostNames.publicDnsName("ap-northeast-1", "198.18.0.5")).isEqualTo("ec2-198-18-0-5.ap-northeast-1.compute.amazonaws.com");
        assertThat(HostNames.publicDnsName("us-east-1", "198.18.0.5")).isEqualTo("ec2-198-18-0-5.compute-1.amazonaws.com");
        assertThat(HostNames.publicDnsName("us-east-1", null)).isEmpty();
    }
}
