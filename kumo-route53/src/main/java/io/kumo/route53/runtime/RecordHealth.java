package io.kumo.route53.runtime;

import io.kumo.route53.record.RecordSet;

import java.util.Optional;
import java.util.function.Function;

/**
 * Whether a record set counts as healthy for routing, as Route 53 evaluates a tree of records: its health check, if
 * any, is not failing, and, for an alias with EvaluateTargetHealth, its target is healthy too. A load balancer
 * target is asked through {@code loadBalancers} (the ELB module's verdict; none counts as healthy, as an unprobed check
 * does). A target in the same zone is healthy when at least one set of its name and type is, each judged the same way,
 * so health flows through aliases of aliases; a target with no sets has nothing to answer with and is unhealthy.
 * One instance serves one query.
 */
final class RecordHealth {
    private final ZoneCatalog catalog;
    private final ZoneIndex zone;
    private final Function<String, Optional<Boolean>> loadBalancers;

    /**
     * @param loadBalancers the verdict on another service's alias target, by its DNS name as stored; empty when there is
     *                      none (no load balancer, such as CloudFront, or target health not observed here)
     */
    RecordHealth(ZoneCatalog catalog, ZoneIndex zone, Function<String, Optional<Boolean>> loadBalancers) {
        this.catalog = catalog;
        this.zone = zone;
        this.loadBalancers = loadBalancers;
    }

    boolean healthy(RecordSet set) {
        return healthy(set, 0);
    }

    private boolean healthy(RecordSet set, int depth) {
        if (!catalog.healthy(set.healthCheckId())) {
            return false;
        }
        RecordSet.Alias alias = set.alias();
        if (alias == null || !alias.evaluateTargetHealth()) {
            return true;
        }
        if (depth >= ZoneResolver.MAX_CHAIN) {
            return true; // a loop of aliases answers nothing anyway; judging it does not need to end in a verdict
        }
        if (sameZone(zone, alias)) {
            return zone.sets(alias.dnsName(), set.type()).stream().anyMatch(target -> healthy(target, depth + 1));
        }
        return loadBalancers.apply(alias.dnsName()).orElse(true);
    }

    static boolean sameZone(ZoneIndex zone, RecordSet.Alias alias) {
        return ZoneIndex.within(alias.dnsName(), zone.name()) && alias.hostedZoneId().equalsIgnoreCase(zone.zone().id());
    }
}
