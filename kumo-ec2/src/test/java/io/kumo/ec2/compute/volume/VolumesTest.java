package io.kumo.ec2.compute.volume;

import io.kumo.core.AwsException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VolumesTest {

    @Test
    void typesAndSizesFollowEbsLimits() {
        assertThat(Volumes.checkType("gp3")).isEqualTo("gp3");
        assertThatThrownBy(() -> Volumes.checkType("gp9")).isInstanceOf(AwsException.class)
                .extracting(e -> ((AwsException) e).code()).isEqualTo("InvalidParameterValue");
        Volumes.checkSize("gp2", 1);
        assertThatThrownBy(() -> Volumes.checkSize("st1", 100)).isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> Volumes.checkSize("gp2", 16385)).isInstanceOf(AwsException.class);
    }

    @Test
    void defaultIopsAreEbsBaselines() {
        assertThat(Volumes.defaultIops("gp2", 8, null)).isEqualTo(100);
        assertThat(Volumes.defaultIops("gp2", 100, null)).isEqualTo(300);
        assertThat(Volumes.defaultIops("gp3", 8, null)).isEqualTo(3000);
        assertThat(Volumes.defaultIops("standard", 8, null)).isNull();
        assertThat(Volumes.defaultIops("io1", 8, 500)).isEqualTo(500);
    }
}
