package io.kumo.it.ec2.network;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AccountAttribute;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Filter;

import java.util.Map;
import java.util.stream.Collectors;

import static io.kumo.it.ec2.Ec2Asserts.fails;
import static org.assertj.core.api.Assertions.assertThat;

class RegionsTest {
    private final KumoHarness kumo = KumoHarness.shared();
    private final Ec2Client ec2 = kumo.ec2();

    @Test
    void describeRegionsListsEveryCommercialRegionWithItsEndpoint() {
        var regions = ec2.describeRegions(r -> r.allRegions(true)).regions();
        assertThat(regions).extracting(software.amazon.awssdk.services.ec2.model.Region::regionName)
                .contains("ap-northeast-1", "us-east-1", "eu-west-1")
                .doesNotContain("us-gov-west-1", "cn-north-1");
        assertThat(regions).filteredOn(r -> r.regionName().equals("ap-northeast-1")).singleElement().satisfies(r -> {
            assertThat(r.endpoint()).isEqualTo("ec2.ap-northeast-1.amazonaws.com");
            assertThat(r.optInStatus()).isEqualTo("opt-in-not-required");
        });
    }

    @Test
    void aRegionAwsDoesNotHaveIsRefusedWithAnExplanation() {
        var error = fails("InvalidParameterValue", () -> kumo.ec2(Region.of("mars-north-1")).describeVpcs());
        assertThat(error.awsErrorDetails().errorMessage()).contains("mars-north-1");
    }

    @Test
    void describeRegionsByNameAndFilter() {
        assertThat(ec2.describeRegions(r -> r.regionNames("us-east-1", "ap-northeast-1")).regions()).hasSize(2);
        assertThat(ec2.describeRegions(r -> r.filters(Filter.builder().name("region-name").values("eu-*").build())).regions())
                .allSatisfy(r -> assertThat(r.regionName()).startsWith("eu-")).isNotEmpty();
        assertThat(ec2.describeRegions(r -> r.filters(Filter.builder().name("endpoint").values("ec2.us-west-2.amazonaws.com").build()))
                .regions()).hasSize(1);
        fails("InvalidParameterValue", () -> ec2.describeRegions(r -> r.regionNames("mars-north-1")));
        fails("InvalidParameterValue", () -> ec2.describeRegions(r -> r.filters(Filter.builder().name("nope").values("x").build())));
    }

    @Test
    void tokyoZonesAreTheRealOnes() {
        var zones = ec2.describeAvailabilityZones().availabilityZones();
        assertThat(zones).extracting(AvailabilityZone::zoneName)
                .containsExactly("ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d");
        assertThat(zones).extracting(AvailabilityZone::zoneId).containsExactly("apne1-az4", "apne1-az1", "apne1-az2");
        assertThat(zones).allSatisfy(z -> {
            assertThat(z.stateAsString()).isEqualTo("available");
            assertThat(z.regionName()).isEqualTo("ap-northeast-1");
            assertThat(z.zoneType()).isEqualTo("availability-zone");
        });
    }

    @Test
    void virginiaHasZonesAToF() {
        var zones = kumo.ec2(Region.US_EAST_1).describeAvailabilityZones().availabilityZones();
        assertThat(zones).extracting(AvailabilityZone::zoneName)
                .containsExactly("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f");
    }

    @Test
    void zonesByNameIdAndFilter() {
        assertThat(ec2.describeAvailabilityZones(r -> r.zoneNames("ap-northeast-1c")).availabilityZones())
                .singleElement().satisfies(z -> assertThat(z.zoneId()).isEqualTo("apne1-az1"));
        assertThat(ec2.describeAvailabilityZones(r -> r.zoneIds("apne1-az2")).availabilityZones())
                .singleElement().satisfies(z -> assertThat(z.zoneName()).isEqualTo("ap-northeast-1d"));
        assertThat(ec2.describeAvailabilityZones(r -> r.filters(Filter.builder().name("zone-id").values("apne1-az4").build()))
                .availabilityZones()).singleElement().satisfies(z -> assertThat(z.zoneName()).isEqualTo("ap-northeast-1a"));
        assertThat(ec2.describeAvailabilityZones(r -> r.filters(Filter.builder().name("state").values("available").build()))
                .availabilityZones()).hasSize(3);
        fails("InvalidParameterValue", () -> ec2.describeAvailabilityZones(r -> r.zoneNames("ap-northeast-1b")));
    }

    @Test
    void accountAttributes() {
        Map<String, String> attributes = ec2.describeAccountAttributes().accountAttributes().stream()
                .collect(Collectors.toMap(AccountAttribute::attributeName, a -> a.attributeValues().getFirst().attributeValue()));
        assertThat(attributes).containsEntry("supported-platforms", "VPC")
                .containsEntry("vpc-max-security-groups-per-interface", "5")
                .containsEntry("max-elastic-ips", "5")
                .containsEntry("vpc-max-elastic-ips", "5")
                .containsKey("max-instances");
        assertThat(attributes.get("default-vpc")).startsWith("vpc-");
    }

    @Test
    void dryRunAnswersDryRunOperation() {
        fails("DryRunOperation", () -> ec2.describeRegions(r -> r.dryRun(true)));
    }
}
