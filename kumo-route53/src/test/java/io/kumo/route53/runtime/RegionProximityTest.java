package io.kumo.route53.runtime;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegionProximityTest {

    @Test
    void theClientsOwnRegionComesFirstThenTheNearest() {
        assertThat(RegionProximity.nearestFirst("eu-west-1", List.of("us-east-1", "eu-central-1", "eu-west-1", "eu-west-2", "ap-northeast-1")))
                .containsExactly("eu-west-1", "eu-west-2", "eu-central-1", "us-east-1", "ap-northeast-1");
        assertThat(RegionProximity.nearestFirst("ap-northeast-1", List.of("us-west-2", "ap-southeast-2", "ap-northeast-3", "ap-northeast-2")))
                .containsExactly("ap-northeast-3", "ap-northeast-2", "ap-southeast-2", "us-west-2");
        assertThat(RegionProximity.nearestFirst("us-east-1", List.of("sa-east-1", "us-west-1", "us-east-2", "ca-central-1")))
                .containsExactly("us-east-2", "ca-central-1", "us-west-1", "sa-east-1");
    }

    @Test
    void equalDistancesOrderByNameAndUnknownRegionsComeLastAsGiven() {
        assertThat(RegionProximity.nearestFirst("us-east-1", List.of("us-gov-east-1", "us-east-2"))).containsExactly("us-east-2", "us-gov-east-1");
        assertThat(RegionProximity.nearestFirst("eu-west-1", List.of("zz-new-2", "zz-new-1", "eu-west-2"))).containsExactly("eu-west-2", "zz-new-2", "zz-new-1");
        assertThat(RegionProximity.nearestFirst("zz-new-1", List.of("us-east-1", "zz-new-1", "eu-west-1"))).containsExactly("zz-new-1", "us-east-1", "eu-west-1");
    }
}
