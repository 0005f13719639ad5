package io.kumo.ec2.network.region;

import io.kumo.core.RequestContext;
import io.kumo.core.regions.Partition;
import io.kumo.core.regions.Region;
import io.kumo.core.regions.Regions;
import io.kumo.core.service.Handler;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Filters;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;

import java.util.List;

/** The regions of the request's partition, every one reported as enabled. */
public final class DescribeRegions implements Handler<DescribeRegionsRequest, DescribeRegionsResponse> {
    private static final Filters<Region> FILTERS = Filters.<Region>forType(null)
            .one("endpoint", Region::ec2Endpoint)
            .one("opt-in-status", Region::optInStatus)
            .one("region-name", Region::name);

    @Override
    public DescribeRegionsResponse handle(RequestContext ctx, DescribeRegionsRequest in) {
        Partition partition = Regions.find(ctx.region()).map(Region::partition).orElse(Partition.AWS);
        List<Region> regions = Regions.inPartition(partition);
        if (in.hasRegionNames() && !in.regionNames().isEmpty()) {
            for (String name : in.regionNames()) {
                if (regions.stream().noneMatch(r -> r.name().equals(name))) {
                    throw Ec2Errors.invalidParameterValue("Invalid region: " + name);
                }
            }
            regions = regions.stream().filter(r -> in.regionNames().contains(r.name())).toList();
        }
        return DescribeRegionsResponse.builder()
                .regions(FILTERS.apply(regions, in.filters()).stream().map(DescribeRegions::toSdk).toList())
                .build();
    }

    private static software.amazon.awssdk.services.ec2.model.Region toSdk(Region region) {
        return software.amazon.awssdk.services.ec2.model.Region.builder()
                .regionName(region.name())
                .endpoint(region.ec2Endpoint())
                .optInStatus(region.optInStatus())
                .build();
    }
}
