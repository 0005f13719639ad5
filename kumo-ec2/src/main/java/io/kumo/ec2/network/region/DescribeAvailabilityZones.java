package io.kumo.ec2.network.region;

import io.kumo.core.RequestContext;
import io.kumo.core.regions.Region;
import io.kumo.core.regions.Regions;
import io.kumo.core.regions.Zone;
import io.kumo.core.service.Handler;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Filters;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesResponse;

import java.util.List;

/** The real zones of the request's region, all available. */
public final class DescribeAvailabilityZones implements Handler<DescribeAvailabilityZonesRequest, DescribeAvailabilityZonesResponse> {
    private static final String ZONE_TYPE = "availability-zone";

    @Override
    public DescribeAvailabilityZonesResponse handle(RequestContext ctx, DescribeAvailabilityZonesRequest in) {
        Region region = Regions.find(ctx.region())
                .orElseThrow(() -> Ec2Errors.invalidParameterValue("Invalid region: " + ctx.region()));
        List<Zone> zones = region.zones();
        for (String name : in.zoneNames()) {
            if (region.zone(name).isEmpty()) {
                throw Ec2Errors.invalidParameterValue("The zone '" + name + "' does not exist.");
            }
        }
        for (String id : in.zoneIds()) {
            if (region.zoneById(id).isEmpty()) {
                throw Ec2Errors.invalidParameterValue("The zone-id '" + id + "' does not exist.");
            }
        }
        if (!in.zoneNames().isEmpty() || !in.zoneIds().isEmpty()) {
            zones = zones.stream().filter(z -> in.zoneNames().contains(z.name()) || in.zoneIds().contains(z.zoneId())).toList();
        }
        Filters<Zone> filters = Filters.<Zone>forType(null)
                .one("zone-name", Zone::name)
                .one("zone-id", Zone::zoneId)
                .one("region-name", Zone::regionName)
                .one("group-name", Zone::regionName)
                .one("state", z -> "available")
                .one("opt-in-status", z -> region.optInStatus())
                .one("zone-type", z -> ZONE_TYPE)
                .many("message", z -> List.of());
        return DescribeAvailabilityZonesResponse.builder()
                .availabilityZones(filters.apply(zones, in.filters()).stream().map(z -> toSdk(region, z)).toList())
                .build();
    }

    private static AvailabilityZone toSdk(Region region, Zone zone) {
        return AvailabilityZone.builder()
                .zoneName(zone.name())
                .zoneId(zone.zoneId())
                .regionName(region.name())
                .state("available")
                .optInStatus(region.optInStatus())
                .groupName(region.name())
                .groupLongName(region.displayName() + " " + (region.zones().indexOf(zone) + 1))
                .networkBorderGroup(region.name())
                .zoneType(ZONE_TYPE)
                .messages(List.of())
                .build();
    }
}
