package io.kumo.route53.runtime;

import io.kumo.route53.record.RecordSet;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Picks, among the record sets of one name and type, those a query is answered from, by the sets' routing policy
 * (they all share one: the API refuses mixed policies). Healthy is the caller's judgement ({@link RecordHealth}: the
 * set's check and, with EvaluateTargetHealth, its alias target);
 * when every candidate is unhealthy, Route 53 answers as if all were healthy, and so does Kumo.
 */
final class PolicyRouter {
    /** Route 53's multivalue answers hold at most eight records. */
    static final int MULTIVALUE_LIMIT = 8;

    private final ClientPlaces places;

    PolicyRouter(ClientPlaces places) {
        this.places = places;
    }

    /** Who asks, as routing sees it. */
    record Asker(InetAddress source, InetAddress subnet) {
        InetAddress whereabouts() {
            return subnet != null ? subnet : source;
        }
    }

    List<RecordSet> choose(List<RecordSet> group, Predicate<RecordSet> healthy, Asker asker) {
        if (group.isEmpty()) {
            return List.of();
        }
        RecordSet first = group.getFirst();
        if (first.setIdentifier() == null) {
            return List.of(first);
        }
        List<RecordSet> candidates = group.stream().filter(healthy).toList();
        if (candidates.isEmpty()) {
            candidates = group;
        }
        if (first.weight() != null) {
            return weighted(candidates);
        }
        if (first.failover() != null) {
            return failover(group, healthy);
        }
        if (first.multiValueAnswer() != null) {
            List<RecordSet> shuffled = new ArrayList<>(candidates);
            Collections.shuffle(shuffled, ThreadLocalRandom.current());
            return shuffled.subList(0, Math.min(MULTIVALUE_LIMIT, shuffled.size()));
        }
        if (first.region() != null) {
            return List.of(latency(candidates, places.region(asker.source())));
        }
        if (first.geoLocation() != null) {
            return geolocation(candidates, places.location(asker.whereabouts()));
        }
        return List.of(first);
    }

    /** Random by weight per query; weight 0 answers only when every candidate weighs 0 (then all are equal). */
    private static List<RecordSet> weighted(List<RecordSet> candidates) {
        long total = candidates.stream().mapToLong(RecordSet::weight).sum();
        if (total == 0) {
            return List.of(candidates.get(ThreadLocalRandom.current().nextInt(candidates.size())));
        }
        long pick = ThreadLocalRandom.current().nextLong(total);
        for (RecordSet set : candidates) {
            pick -= set.weight();
            if (pick < 0) {
                return List.of(set);
            }
        }
        return List.of(candidates.getLast());
    }

    /**
     * The set of the region nearest the client's ({@link RegionProximity}): its own when it has one, else the next
     * nearest, as Route 53 answers from the lowest-latency region with a healthy set.
     */
    private static RecordSet latency(List<RecordSet> candidates, String clientRegion) {
        List<String> regions = RegionProximity.nearestFirst(clientRegion, candidates.stream().map(RecordSet::region).toList());
        return candidates.stream().filter(s -> s.region().equals(regions.getFirst())).findFirst().orElseThrow();
    }

    /**
     * The primary while it is healthy, else the secondary; but the primary again when the secondary is unhealthy too
     * (or missing), as Route 53 documents for failover: an unhealthy secondary never replaces the primary.
     */
    private static List<RecordSet> failover(List<RecordSet> group, Predicate<RecordSet> healthy) {
        Optional<RecordSet> primary = group.stream().filter(s -> "PRIMARY".equals(s.failover())).findFirst();
        Optional<RecordSet> secondary = group.stream().filter(s -> "SECONDARY".equals(s.failover())).findFirst();
        if (primary.isPresent() && (healthy.test(primary.get()) || secondary.isEmpty() || !healthy.test(secondary.get()))) {
            return List.of(primary.get());
        }
        return secondary.map(List::of).orElse(List.of());
    }

    /** The most specific match: subdivision, country, continent, then the default "*"; none matching is NODATA. */
    private static List<RecordSet> geolocation(List<RecordSet> candidates, Optional<ClientPlaces.Location> where) {
        if (where.isPresent()) {
            ClientPlaces.Location l = where.get();
            for (Predicate<RecordSet.Geo> match : List.<Predicate<RecordSet.Geo>>of(
                    g -> l.subdivision() != null && l.subdivision().equals(g.subdivisionCode()) && l.country().equals(g.countryCode()),
                    g -> g.subdivisionCode() == null && l.country() != null && l.country().equals(g.countryCode()),
                    g -> g.countryCode() == null && l.continent().equals(g.continentCode()))) {
                Optional<RecordSet> found = candidates.stream().filter(s -> match.test(s.geoLocation())).findFirst();
                if (found.isPresent()) {
                    return List.of(found.get());
                }
            }
        }
        return candidates.stream().filter(s -> "*".equals(s.geoLocation().countryCode())).findFirst().map(List::of).orElse(List.of());
    }
}
