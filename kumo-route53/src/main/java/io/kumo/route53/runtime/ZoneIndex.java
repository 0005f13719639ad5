package io.kumo.route53.runtime;

import io.kumo.route53.record.RecordSet;
import io.kumo.route53.zone.HostedZoneRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One hosted zone, indexed for answering: its record sets by name and type, and every name that exists (those with
 * sets, and the empty non-terminals between them and the apex, which exist without records: RFC 8020).
 */
final class ZoneIndex {
    private final HostedZoneRecord zone;
    private final Map<String, Map<String, List<RecordSet>>> byName = new HashMap<>();
    private final Set<String> existing = new HashSet<>();

    ZoneIndex(HostedZoneRecord zone, List<RecordSet> sets) {
        this.zone = zone;
        for (RecordSet set : sets) {
            byName.computeIfAbsent(set.name(), n -> new LinkedHashMap<>()).computeIfAbsent(set.type(), t -> new ArrayList<>()).add(set);
            for (String n = set.name(); n != null && !n.equals(zone.name()); n = parent(n)) {
                existing.add(n);
            }
        }
        existing.add(zone.name());
    }

    String name() {
        return zone.name();
    }

    HostedZoneRecord zone() {
        return zone;
    }

    /** The sets at a name, by type in listing order; empty when the name holds none. */
    Map<String, List<RecordSet>> at(String name) {
        return byName.getOrDefault(name, Map.of());
    }

    List<RecordSet> sets(String name, String type) {
        return at(name).getOrDefault(type, List.of());
    }

    boolean exists(String name) {
        return existing.contains(name);
    }

    Optional<RecordSet> soa() {
        return sets(zone.name(), "SOA").stream().findFirst();
    }

    /** The name without its first label, or null for the root. */
    static String parent(String name) {
        int dot = name.indexOf('.');
        return dot < 0 || dot == name.length() - 1 ? null : name.substring(dot + 1);
    }

    static boolean within(String name, String zone) {
        return name.equals(zone) || name.endsWith("." + zone);
    }
}
