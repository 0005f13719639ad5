package io.kumo.core.regions;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.kumo.core.regions.Partition.AWS;
import static io.kumo.core.regions.Partition.AWS_CN;
import static io.kumo.core.regions.Partition.AWS_US_GOV;

/**
 * Every commercial region, plus GovCloud and China, with the zones a new account sees.
 *
 * <p>Display names are the AWS SDK's region descriptions. Zone letters and AZ IDs come from
 * DescribeAvailabilityZones output of real accounts. In us-east-1, us-west-1, us-west-2,
 * ap-northeast-1, ap-southeast-1, ap-southeast-2, eu-west-1, sa-east-1 and us-gov-west-1 AWS
 * mapped letters to AZ IDs per account (until November 2025), so there the pairing is one real
 * account's, not a universal truth; every other region maps uniformly. Retired zones that new
 * accounts no longer get (ap-northeast-1b, us-west-1's third zone) are left out.
 */
public final class Regions {
    private static final boolean OPT_IN = true;
    private static final boolean DEFAULT = false;

    private static final List<Region> ALL = List.of(
            region("af-south-1", "Africa (Cape Town)", AWS, OPT_IN, "a:afs1-az1", "b:afs1-az2", "c:afs1-az3"),
            region("ap-east-1", "Asia Pacific (Hong Kong)", AWS, OPT_IN, "a:ape1-az1", "b:ape1-az2", "c:ape1-az3"),
            region("ap-east-2", "Asia Pacific (Taipei)", AWS, OPT_IN, "a:ape2-az1", "b:ape2-az2", "c:ape2-az3"),
            region("ap-northeast-1", "Asia Pacific (Tokyo)", AWS, DEFAULT, "a:apne1-az4", "c:apne1-az1", "d:apne1-az2"),
            region("ap-northeast-2", "Asia Pacific (Seoul)", AWS, DEFAULT,
                    "a:apne2-az1", "b:apne2-az2", "c:apne2-az3", "d:apne2-az4"),
            region("ap-northeast-3", "Asia Pacific (Osaka)", AWS, DEFAULT, "a:apne3-az3", "b:apne3-az1", "c:apne3-az2"),
            region("ap-south-1", "Asia Pacific (Mumbai)", AWS, DEFAULT, "a:aps1-az1", "b:aps1-az3", "c:aps1-az2"),
            region("ap-south-2", "Asia Pacific (Hyderabad)", AWS, OPT_IN, "a:aps2-az1", "b:aps2-az2", "c:aps2-az3"),
            region("ap-southeast-1", "Asia Pacific (Singapore)", AWS, DEFAULT, "a:apse1-az1", "b:apse1-az2", "c:apse1-az3"),
            region("ap-southeast-2", "Asia Pacific (Sydney)", AWS, DEFAULT, "a:apse2-az1", "b:apse2-az3", "c:apse2-az2"),
            region("ap-southeast-3", "Asia Pacific (Jakarta)", AWS, OPT_IN, "a:apse3-az1", "b:apse3-az2", "c:apse3-az3"),
            region("ap-southeast-4", "Asia Pacific (Melbourne)", AWS, OPT_IN, "a:apse4-az1", "b:apse4-az2", "c:apse4-az3"),
            region("ap-southeast-5", "Asia Pacific (Malaysia)", AWS, OPT_IN, "a:apse5-az1", "b:apse5-az2", "c:apse5-az3"),
            region("ap-southeast-6", "Asia Pacific (New Zealand)", AWS, OPT_IN, "a:apse6-az1", "b:apse6-az2", "c:apse6-az3"),
            region("ap-southeast-7", "Asia Pacific (Thailand)", AWS, OPT_IN, "a:apse7-az1", "b:apse7-az2", "c:apse7-az3"),
            region("ca-central-1", "Canada (Central)", AWS, DEFAULT, "a:cac1-az1", "b:cac1-az2", "d:cac1-az4"),
            region("ca-west-1", "Canada West (Calgary)", AWS, OPT_IN, "a:caw1-az1", "b:caw1-az2", "c:caw1-az3"),
            region("eu-central-1", "Europe (Frankfurt)", AWS, DEFAULT, "a:euc1-az2", "b:euc1-az3", "c:euc1-az1"),
            region("eu-central-2", "Europe (Zurich)", AWS, OPT_IN, "a:euc2-az1", "b:euc2-az2", "c:euc2-az3"),
            region("eu-north-1", "Europe (Stockholm)", AWS, DEFAULT, "a:eun1-az1", "b:eun1-az2", "c:eun1-az3"),
            region("eu-south-1", "Europe (Milan)", AWS, OPT_IN, "a:eus1-az1", "b:eus1-az2", "c:eus1-az3"),
            region("eu-south-2", "Europe (Spain)", AWS, OPT_IN, "a:eus2-az1", "b:eus2-az2", "c:eus2-az3"),
            region("eu-west-1", "Europe (Ireland)", AWS, DEFAULT, "a:euw1-az2", "b:euw1-az3", "c:euw1-az1"),
            region("eu-west-2", "Europe (London)", AWS, DEFAULT, "a:euw2-az2", "b:euw2-az3", "c:euw2-az1"),
            region("eu-west-3", "Europe (Paris)", AWS, DEFAULT, "a:euw3-az1", "b:euw3-az2", "c:euw3-az3"),
            region("il-central-1", "Israel (Tel Aviv)", AWS, OPT_IN, "a:ilc1-az1", "b:ilc1-az2", "c:ilc1-az3"),
            region("me-central-1", "Middle East (UAE)", AWS, OPT_IN, "a:mec1-az1", "b:mec1-az2", "c:mec1-az3"),
            region("me-south-1", "Middle East (Bahrain)", AWS, OPT_IN, "a:mes1-az1", "b:mes1-az2", "c:mes1-az3"),
            region("mx-central-1", "Mexico (Central)", AWS, OPT_IN, "a:mxc1-az1", "b:mxc1-az2", "c:mxc1-az3"),
            region("sa-east-1", "South America (Sao Paulo)", AWS, DEFAULT, "a:sae1-az1", "b:sae1-az2", "c:sae1-az3"),
            region("us-east-1", "US East (N. Virginia)", AWS, DEFAULT,
                    "a:use1-az4", "b:use1-az6", "c:use1-az1", "d:use1-az2", "e:use1-az3", "f:use1-az5"),
            region("us-east-2", "US East (Ohio)", AWS, DEFAULT, "a:use2-az1", "b:use2-az2", "c:use2-az3"),
            region("us-west-1", "US West (N. California)", AWS, DEFAULT, "a:usw1-az1", "c:usw1-az3"),
            region("us-west-2", "US West (Oregon)", AWS, DEFAULT,
                    "a:usw2-az2", "b:usw2-az1", "c:usw2-az3", "d:usw2-az4"),
            region("us-gov-east-1", "AWS GovCloud (US-East)", AWS_US_GOV, DEFAULT,
                    "a:usge1-az1", "b:usge1-az2", "c:usge1-az3"),
            region("us-gov-west-1", "AWS GovCloud (US-West)", AWS_US_GOV, DEFAULT,
                    "a:usgw1-az1", "b:usgw1-az2", "c:usgw1-az3"),
            region("cn-north-1", "China (Beijing)", AWS_CN, DEFAULT, "a:cnn1-az1", "b:cnn1-az2", "d:cnn1-az4"),
            region("cn-northwest-1", "China (Ningxia)", AWS_CN, DEFAULT, "a:cnnw1-az1", "b:cnnw1-az2", "c:cnnw1-az3"))
            .stream().sorted(Comparator.comparing(Region::name)).toList();

    private static final Map<String, Region> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Region::name, Function.identity()));

    private static final Map<String, Zone> ZONES_BY_NAME = ALL.stream()
            .flatMap(region -> region.zones().stream())
            .collect(Collectors.toUnmodifiableMap(Zone::name, Function.identity()));

    private Regions() {
    }

    /** Every region, sorted by name. */
    public static List<Region> all() {
        return ALL;
    }

    public static Optional<Region> find(String name) {
        return Optional.ofNullable(name).map(BY_NAME::get);
    }

    public static List<Region> inPartition(Partition partition) {
        return ALL.stream().filter(region -> region.partition() == partition).toList();
    }

    /** The zone called {@code zoneName} in whichever region has it. */
    public static Optional<Zone> findZone(String zoneName) {
        return Optional.ofNullable(zoneName).map(ZONES_BY_NAME::get);
    }

    /** Zones are written as "letter:az-id" so the table above stays readable. */
    private static Region region(String name, String displayName, Partition partition, boolean optIn, String... zones) {
        List<Zone> parsed = Arrays.stream(zones).map(zone -> {
            String[] letterAndId = zone.split(":");
            return new Zone(name + letterAndId[0], letterAndId[1], name);
        }).toList();
        return new Region(name, displayName, partition, optIn, parsed);
    }
}
