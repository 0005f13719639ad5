package io.kumo.ec2.compute.instance;

import io.kumo.core.RequestContext;
import io.kumo.core.regions.Region;
import io.kumo.core.regions.Regions;
import io.kumo.core.regions.Zone;
import io.kumo.core.service.Handler;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Filters;
import io.kumo.ec2.support.Pages;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypeOfferingsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypeOfferingsResponse;
import software.amazon.awssdk.services.ec2.model.InstanceTypeOffering;

import java.util.ArrayList;
import java.util.List;

/** DescribeInstanceTypeOfferings: every known type is offered in the region and each of its zones. */
public final class DescribeInstanceTypeOfferings
        implements Handler<DescribeInstanceTypeOfferingsRequest, DescribeInstanceTypeOfferingsResponse> {

    private record Offering(String instanceType, String locationType, String location) {
        String key() {
            return location + "/" + instanceType;
        }
    }

    private static final Filters<Offering> FILTERS = Filters.<Offering>forType(null)
            .one("location", Offering::location)
            .one("instance-type", Offering::instanceType);

    @Override
    public DescribeInstanceTypeOfferingsResponse handle(RequestContext ctx, DescribeInstanceTypeOfferingsRequest in) {
        String locationType = in.locationTypeAsString() == null ? "region" : in.locationTypeAsString();
        Region region = Regions.find(ctx.region()).orElseThrow(() -> Ec2Errors.invalidParameterValue("Unknown region " + ctx.region()));
        List<String> locations = switch (locationType) {
            case "region" -> List.of(region.name());
            case "availability-zone" -> region.zones().stream().map(Zone::name).toList();
            case "availability-zone-id" -> region.zones().stream().map(Zone::zoneId).toList();
            default -> throw Ec2Errors.invalidParameterValue("Value (" + locationType + ") for parameter locationType is invalid. "
                    + "Valid values are: region, availability-zone, availability-zone-id.");
        };
        var predicate = FILTERS.compile(in.filters());
        List<Offering> offerings = new ArrayList<>();
        for (String location : locations) {
            for (InstanceTypes.Spec spec : InstanceTypes.all()) {
                offerings.add(new Offering(spec.name(), locationType, location));
            }
        }
        List<Offering> matching = offerings.stream().filter(predicate).sorted((a, b) -> a.key().compareTo(b.key())).toList();
        var page = Pages.of(matching, in.maxResults(), in.nextToken(), 5, 1000, Offering::key);
        return DescribeInstanceTypeOfferingsResponse.builder()
                .instanceTypeOfferings(page.items().stream().map(o -> InstanceTypeOffering.builder()
                        .instanceType(o.instanceType()).locationType(o.locationType()).location(o.location()).build()).toList())
                .nextToken(page.nextToken())
                .build();
    }
}
