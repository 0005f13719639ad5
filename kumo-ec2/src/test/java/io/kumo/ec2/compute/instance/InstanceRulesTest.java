package io.kumo.ec2.compute.instance;

import io.kumo.core.AwsException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstanceRulesTest {

    @Test
    void userDataMustBeBase64AndAtMost16KiB() {
        String ok = Base64.getEncoder().encodeToString("#!/bin/bash\n".getBytes(StandardCharsets.UTF_8));
        assertThat(RunInstances.checkUserData(ok)).isEqualTo(ok);
        assertThat(RunInstances.checkUserData(null)).isNull();
        assertThatThrownBy(() -> RunInstances.checkUserData("%%%")).isInstanceOf(AwsException.class)
                .extracting(e -> ((AwsException) e).code()).isEqualTo("InvalidUserData.Malformed");
        String big = Base64.getEncoder().encodeToString(new byte[16 * 1024 + 1]);
        assertThatThrownBy(() -> RunInstances.checkUserData(big)).extracting(e -> ((AwsException) e).code())
                .isEqualTo("InvalidParameterValue");
    }

    @Test
    void theTypeTableKnowsTheCommonFamilies() {
        for (String name : new String[] {"t2.micro", "t3.micro", "t3a.large", "t4g.small", "m5.large", "m6i.xlarge", "m7i.24xlarge",
                "c5.9xlarge", "c6i.large", "c7i.large", "r5.large", "r6i.2xlarge", "m1.small"}) {
            assertThat(InstanceTypes.find(name)).as(name).isPresent();
        }
        assertThat(InstanceTypes.find("t2.micro").orElseThrow().memoryMiB()).isEqualTo(1024);
        assertThat(InstanceTypes.find("t4g.micro").orElseThrow().architecture()).isEqualTo("arm64");
        assertThat(InstanceTypes.find("m5.large").orElseThrow().vcpus()).isEqualTo(2);
        assertThat(InstanceTypes.find("t2.mega")).isEmpty();
        assertThat(InstanceTypes.all()).extracting(InstanceTypes.Spec::name).isSorted();
    }

    @Test
    void timingsComeFromSystemProperties() {
        System.setProperty("kumo.ec2.instance.pending-millis", "42");
        try {
            assertThat(InstanceTimings.current().pending().toMillis()).isEqualTo(42);
        } finally {
            System.clearProperty("kumo.ec2.instance.pending-millis");
        }
        assertThat(InstanceTimings.current().terminatedRetention().toMinutes()).isEqualTo(60);
    }
}
