package io.kumo.core.regions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionsTest {
    private static final Set<String> COMMERCIAL = Set.of(
            "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
            "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1",
            "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3",
            "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2",
            "us-west-1", "us-west-2");

    private static final Set<String> OPT_IN = Set.of(
            "af-south-1", "ap-east-1", "ap-east-2", "ap-south-2", "ap-southeast-3", "ap-southeast-4",
            "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-west-1", "eu-central-2", "eu-south-1",
            "eu-south-2", "il-central-1", "me-central-1", "me-south-1", "mx-central-1");

    @Test
    void listsEveryCommercialRegionAndTheGovCloudAndChinaOnes() {
        assertThat(Regions.inPartition(Partition.AWS)).extracting(Region::name).containsExactlyInAnyOrderElementsOf(COMMERCIAL);
        assertThat(Regions.inPartition(Partition.AWS_US_GOV)).extracting(Region::name)
                .containsExactly("us-gov-east-1", "us-gov-west-1");
        assertThat(Regions.inPartition(Partition.AWS_CN)).extracting(Region::name)
                .containsExactly("cn-north-1", "cn-northwest-1");
        assertThat(Regions.all()).hasSize(COMMERCIAL.size() + 4);
    }

    @Test
    void listsRegionsInNameOrder() {
        List<String> names = Regions.all().stream().map(Region::name).toList();

        assertThat(names).isSorted();
    }

    @Test
    void tokyoHasTheThreeZonesOfANewAccount() {
        Region tokyo = Regions.find("ap-northeast-1").orElseThrow();

        assertThat(tokyo.displayName()).isEqualTo("Asia Pacific (Tokyo)");
        assertThat(tokyo.partition()).isEqualTo(Partition.AWS);
        assertThat(tokyo.optInStatus()).isEqualTo("opt-in-not-required");
        assertThat(tokyo.ec2Endpoint()).isEqualTo("ec2.ap-northeast-1.amazonaws.com");
        assertThat(tokyo.zones()).containsExactly(
                new Zone("ap-northeast-1a", "apne1-az4", "ap-northeast-1"),
                new Zone("ap-northeast-1c", "apne1-az1", "ap-northeast-1"),
                new Zone("ap-northeast-1d", "apne1-az2", "ap-northeast-1"));
    }

    @ParameterizedTest
    @CsvSource({"us-east-1,6", "us-west-1,2", "us-west-2,4", "ap-northeast-2,4", "ca-central-1,3", "eu-west-1,3",
        "mx-central-1,3", "cn-north-1,3"})
    void zoneCountsMatchAws(String region, int zones) {
        assertThat(Regions.find(region).orElseThrow().zones()).hasSize(zones);
    }

    @Test
    void canadaCentralSkipsTheLetterC() {
        assertThat(Regions.find("ca-central-1").orElseThrow().zones()).extracting(Zone::name)
                .containsExactly("ca-central-1a", "ca-central-1b", "ca-central-1d");
    }

    @Test
    void usEast1HasZonesAThroughFWithAllSixAzIds() {
        Region virginia = Regions.find("us-east-1").orElseThrow();

        assertThat(virginia.zones()).extracting(Zone::name)
                .containsExactly("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f");
        assertThat(virginia.zones()).extracting(Zone::zoneId)
                .containsExactlyInAnyOrder("use1-az1", "use1-az2", "use1-az3", "use1-az4", "use1-az5", "use1-az6");
    }

    @Test
    void everyOptInRegionReportsOptedIn() {
        for (Region region : Regions.all()) {
            assertThat(region.optInRequired()).as(region.name()).isEqualTo(OPT_IN.contains(region.name()));
            assertThat(region.optInStatus()).as(region.name())
                    .isEqualTo(OPT_IN.contains(region.name()) ? "opted-in" : "opt-in-not-required");
        }
    }

    @Test
    void zoneNamesAndIdsAreWellFormedAndUnique() {
        Pattern zoneId = Pattern.compile("[a-z]+[0-9]-az[0-9]");
        for (Region region : Regions.all()) {
            assertThat(region.zones()).as(region.name()).hasSizeGreaterThanOrEqualTo(2);
            for (Zone zone : region.zones()) {
                assertThat(zone.name()).matches(Pattern.quote(region.name()) + "[a-f]");
                assertThat(zone.zoneId()).matches(zoneId);
                assertThat(zone.regionName()).isEqualTo(region.name());
            }
            Set<String> ids = region.zones().stream().map(Zone::zoneId).collect(Collectors.toSet());
            assertThat(ids).as(region.name()).hasSameSizeAs(region.zones());
            Set<String> prefixes = region.zones().stream().map(z -> z.zoneId().replaceAll("-az[0-9]$", ""))
                    .collect(Collectors.toSet());
            assertThat(prefixes).as(region.name()).hasSize(1);
        }
    }

    @ParameterizedTest
    @CsvSource({"us-east-1,ec2.us-east-1.amazonaws.com,aws", "cn-north-1,ec2.cn-north-1.amazonaws.com.cn,aws-cn",
        "cn-northwest-1,ec2.cn-northwest-1.amazonaws.com.cn,aws-cn",
        "us-gov-west-1,ec2.us-gov-west-1.amazonaws.com,aws-us-gov"})
    void endpointsFollowThePartitionDnsSuffix(String region, String endpoint, String partition) {
        Region found = Regions.find(region).orElseThrow();

        assertThat(found.ec2Endpoint()).isEqualTo(endpoint);
        assertThat(found.partition().id()).isEqualTo(partition);
    }

    @ParameterizedTest
    @CsvSource({"us-gov-west-1,AWS GovCloud (US-West)", "cn-northwest-1,China (Ningxia)",
        "ap-southeast-7,Asia Pacific (Thailand)", "ca-west-1,Canada West (Calgary)", "eu-south-2,Europe (Spain)"})
    void carriesDisplayNames(String region, String displayName) {
        assertThat(Regions.find(region).orElseThrow().displayName()).isEqualTo(displayName);
    }

    @Test
    void findsZonesByNameAndById() {
        assertThat(Regions.findZone("ap-northeast-1c")).contains(new Zone("ap-northeast-1c", "apne1-az1", "ap-northeast-1"));
        assertThat(Regions.findZone("ap-northeast-1b")).isEmpty();
        assertThat(Regions.findZone(null)).isEmpty();
        Region tokyo = Regions.find("ap-northeast-1").orElseThrow();
        assertThat(tokyo.zone("ap-northeast-1d")).map(Zone::zoneId).contains("apne1-az2");
        assertThat(tokyo.zoneById("apne1-az4")).map(Zone::name).contains("ap-northeast-1a");
        assertThat(tokyo.zone("us-east-1a")).isEmpty();
    }

    @Test
    void unknownRegionsAreAbsent() {
        assertThat(Regions.find("us-east-7")).isEmpty();
        assertThat(Regions.find("")).isEmpty();
        assertThat(Regions.find(null)).isEmpty();
    }

    @Test
    void theCatalogueCannotBeChanged() {
        assertThatThrownBy(() -> Regions.all().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Regions.all().getFirst().zones().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aZoneMustBelongToItsRegion() {
        assertThatThrownBy(() -> new Zone("us-east-1a", "use1-az1", "us-west-2")).isInstanceOf(IllegalArgumentException.class);
        Zone foreign = new Zone("us-east-1a", "use1-az1", "us-east-1");
        assertThatThrownBy(() -> new Region("us-west-2", "x", Partition.AWS, false, List.of(foreign)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
