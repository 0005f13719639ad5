package io.kumo.route53.runtime;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which regions are nearest a client's region, for latency routing when the client's own region has no (healthy)
 * record. Route 53 measures latency between networks; Kumo has no measurements, so it ranks regions by the great-circle
 * distance between the cities they are in (the table below, approximate coordinates), nearest first, ties by name.
 * A deliberate simplification, deterministic and documented in docs/route53.md: distance is a fair proxy for latency
 * between AWS regions. Regions missing from the table rank after every known one, in the given order.
 */
final class RegionProximity {
    private record Place(double latitude, double longitude) {
    }

    private static final Map<String, Place> CITIES = Map.ofEntries(
            Map.entry("us-east-1", new Place(38.9, -77.5)),       // Northern Virginia
            Map.entry("us-east-2", new Place(40.0, -83.0)),       // Ohio
            Map.entry("us-west-1", new Place(37.4, -121.9)),      // Northern California
            Map.entry("us-west-2", new Place(45.8, -119.7)),      // Oregon
            Map.entry("us-gov-east-1", new Place(40.0, -83.0)),   // Ohio
            Map.entry("us-gov-west-1", new Place(45.8, -119.7)),  // Oregon
            Map.entry("ca-central-1", new Place(45.5, -73.6)),    // Montreal
            Map.entry("ca-west-1", new Place(51.0, -114.1)),      // Calgary
            Map.entry("mx-central-1", new Place(20.6, -100.4)),   // Querétaro
            Map.entry("sa-east-1", new Place(-23.5, -46.6)),      // São Paulo
            Map.entry("eu-west-1", new Place(53.3, -6.3)),        // Dublin
            Map.entry("eu-west-2", new Place(51.5, -0.1)),        // London
            Map.entry("eu-west-3", new Place(48.9, 2.4)),         // Paris
            Map.entry("eu-central-1", new Place(50.1, 8.7)),      // Frankfurt
            Map.entry("eu-central-2", new Place(47.4, 8.5)),      // Zurich
            Map.entry("eu-north-1", new Place(59.3, 18.1)),       // Stockholm
            Map.entry("eu-south-1", new Place(45.5, 9.2)),        // Milan
            Map.entry("eu-south-2", new Place(41.6, -0.9)),       // Aragón
            Map.entry("il-central-1", new Place(32.1, 34.8)),     // Tel Aviv
            Map.entry("me-south-1", new Place(26.1, 50.6)),       // Bahrain
            Map.entry("me-central-1", new Place(25.2, 55.3)),     // UAE
            Map.entry("af-south-1", new Place(-33.9, 18.4)),      // Cape Town
            Map.entry("ap-south-1", new Place(19.1, 72.9)),       // Mumbai
            Map.entry("ap-south-2", new Place(17.4, 78.5)),       // Hyderabad
            Map.entry("ap-east-1", new Place(22.3, 114.2)),       // Hong Kong
            Map.entry("ap-east-2", new Place(25.0, 121.5)),       // Taipei
            Map.entry("ap-southeast-1", new Place(1.4, 103.8)),   // Singapore
            Map.entry("ap-southeast-2", new Place(-33.9, 151.2)), // Sydney
            Map.entry("ap-southeast-3", new Place(-6.2, 106.8)),  // Jakarta
            Map.entry("ap-southeast-4", new Place(-37.8, 145.0)), // Melbourne
            Map.entry("ap-southeast-5", new Place(3.1, 101.7)),   // Kuala Lumpur
            Map.entry("ap-southeast-7", new Place(13.8, 100.5)),  // Bangkok
            Map.entry("ap-northeast-1", new Place(35.7, 139.7)),  // Tokyo
            Map.entry("ap-northeast-2", new Place(37.6, 127.0)),  // Seoul
            Map.entry("ap-northeast-3", new Place(34.7, 135.5)),  // Osaka
            Map.entry("cn-north-1", new Place(39.9, 116.4)),      // Beijing
            Map.entry("cn-northwest-1", new Place(38.5, 106.3))); // Ningxia

    private RegionProximity() {
    }

    /**
     * The regions ordered by distance from {@code client}: its own first, unknown ones last in their given order (all
     * the others too when the client's region is unknown, which is listing order, as before there were distances).
     */
    static List<String> nearestFirst(String client, List<String> regions) {
        Place from = CITIES.get(client);
        Comparator<String> byDistance = Comparator.comparingDouble(r -> distance(from, r, client));
        // a stable sort keeps regions at no known distance (unknown ones, or all for an unknown client) in the order given
        return regions.stream().sorted(byDistance.thenComparing(r -> from != null && CITIES.containsKey(r) ? r : "")).toList();
    }

    private static double distance(Place from, String region, String client) {
        if (region.equals(client)) {
            return -1;
        }
        Place to = CITIES.get(region);
        if (from == null || to == null) {
            return Double.POSITIVE_INFINITY;
        }
        double lat1 = Math.toRadians(from.latitude());
        double lat2 = Math.toRadians(to.latitude());
        double dLon = Math.toRadians(to.longitude() - from.longitude());
        // the central angle (spherical law of cosines): the radius is the same for all, so it is left out
        double cos = Math.sin(lat1) * Math.sin(lat2) + Math.cos(lat1) * Math.cos(lat2) * Math.cos(dLon);
        return Math.acos(Math.max(-1, Math.min(1, cos)));
    }
}
