package io.kumo.core.regions;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A region as DescribeRegions and DescribeAvailabilityZones show it. Opt-in regions are reported
 * as already opted in: an emulator has no reason to make a user enable a region first.
 */
public record Region(String name, String displayName, Partition partition, boolean optInRequired, List<Zone> zones) {
    public static final String OPT_IN_NOT_REQUIRED = "opt-in-not-required";
    public static final String OPTED_IN = "opted-in";

    public Region {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(partition, "partition");
        zones = List.copyOf(zones);
        for (Zone zone : zones) {
            if (!zone.regionName().equals(name)) {
                throw new IllegalArgumentException(zone.name() + " does not belong to " + name);
            }
        }
    }

    /** The OptInStatus value for DescribeRegions and DescribeAvailabilityZones. */
    public String optInStatus() {
        return optInRequired ? OPTED_IN : OPT_IN_NOT_REQUIRED;
    }

    /** "ec2.ap-northeast-1.amazonaws.com", the RegionEndpoint of DescribeRegions. */
    public String ec2Endpoint() {
        return "ec2." + name + "." + partition.dnsSuffix();
    }

    public Optional<Zone> zone(String zoneName) {
        return zones.stream().filter(zone -> zone.name().equals(zoneName)).findFirst();
    }

    public Optional<Zone> zoneById(String zoneId) {
        return zones.stream().filter(zone -> zone.zoneId().equals(zoneId)).findFirst();
    }
}
