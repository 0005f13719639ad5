package io.kumo.route53.runtime;

import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Tx;
import io.kumo.route53.health.HealthCheckStatusRecord;
import io.kumo.route53.record.ZoneRecordSets;
import io.kumo.route53.zone.HostedZoneRecord;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every hosted zone of every account as one committed snapshot read them: the public zones by name (the oldest of
 * several with one name answers, as docs/route53.md says), the private zones by associated VPC, and the health
 * checks whose verdict is unhealthy. Immutable once built.
 */
final class ZoneCatalog {
    static final ZoneCatalog EMPTY = new ZoneCatalog(Map.of(), Map.of(), Set.of());

    private final Map<String, ZoneIndex> publicZones;
    private final Map<String, Map<String, ZoneIndex>> privateZonesByVpc;
    private final Set<String> unhealthyChecks;

    private ZoneCatalog(Map<String, ZoneIndex> publicZones, Map<String, Map<String, ZoneIndex>> privateZonesByVpc,
                        Set<String> unhealthyChecks) {
        this.publicZones = publicZones;
        this.privateZonesByVpc = privateZonesByVpc;
        this.unhealthyChecks = unhealthyChecks;
    }

    static ZoneCatalog read(Tx tx) {
        Map<String, ZoneIndex> publicZones = new HashMap<>();
        Map<String, Map<String, ZoneIndex>> privateZones = new HashMap<>();
        Map<StoreScope, List<HostedZoneRecord>> zones = tx.scanAll(HostedZoneRecord.TABLE);
        zones.forEach((scope, list) -> list.stream().sorted(Comparator.comparing(HostedZoneRecord::createdAt)).forEach(zone -> {
            ZoneIndex index = new ZoneIndex(zone, ZoneRecordSets.of(tx.in(scope), zone.id(), zone.name()));
            if (zone.privateZone()) {
                zone.vpcs().forEach(vpc -> privateZones.computeIfAbsent(vpc.vpcId(), v -> new HashMap<>()).putIfAbsent(zone.name(), index));
            } else {
                publicZones.merge(zone.name(), index, ZoneCatalog::older);
            }
        }));
        Set<String> unhealthy = new HashSet<>();
        tx.scanAll(HealthCheckStatusRecord.TABLE).values().forEach(list -> list.stream()
                .filter(status -> !status.healthy()).forEach(status -> unhealthy.add(status.healthCheckId())));
        return new ZoneCatalog(Map.copyOf(publicZones), Map.copyOf(privateZones), Set.copyOf(unhealthy));
    }

    private static ZoneIndex older(ZoneIndex a, ZoneIndex b) {
        return a.zone().createdAt().isAfter(b.zone().createdAt()) ? b : a;
    }

    /** The zone of the scope closest to the name (the longest suffix): a child zone in Kumo wins over its parent. */
    Optional<ZoneIndex> zoneFor(String name, String vpcId, boolean privateScope) {
        Map<String, ZoneIndex> zones = privateScope ? (vpcId == null ? Map.of() : privateZonesByVpc.getOrDefault(vpcId, Map.of()))
                : publicZones;
        for (String n = name; n != null; n = ZoneIndex.parent(n)) {
            ZoneIndex zone = zones.get(n);
            if (zone != null) {
                return Optional.of(zone);
            }
        }
        return Optional.empty();
    }

    /** A set without a check, or whose check has no verdict yet or was deleted, is healthy. */
    boolean healthy(String healthCheckId) {
        return healthCheckId == null || !unhealthyChecks.contains(healthCheckId);
    }
}
