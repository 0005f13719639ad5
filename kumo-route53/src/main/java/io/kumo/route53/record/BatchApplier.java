package io.kumo.route53.record;

import io.kumo.route53.support.DnsNames;
import io.kumo.route53.support.Route53Errors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies a change batch to a zone's record sets, in order, as AWS does: each change sees the
 * ones before it; every problem is collected and the whole batch refused with all of them
 * (InvalidChangeBatch), or the zone's new record sets returned. Pure: no store, no clock.
 */
public final class BatchApplier {
    private final String zoneId;
    private final String zoneName;
    private final AliasTargets targets;

    public BatchApplier(String zoneId, String zoneName, AliasTargets targets) {
        this.zoneId = zoneId;
        this.zoneName = zoneName;
        this.targets = targets;
    }

    List<RecordSet> apply(List<RecordSet> current, List<ParsedChange> changes) {
        TreeMap<RecordSet.Key, RecordSet> sets = new TreeMap<>(RecordOrder.KEYS);
        current.forEach(s -> sets.put(s.key(), s));
        List<String> problems = new ArrayList<>();
        Map<RecordSet.Key, String> touched = new HashMap<>();
        List<RecordSet> aliases = new ArrayList<>();
        for (ParsedChange change : changes) {
            RecordSet set = change.set();
            String before = touched.put(set.key(), change.action());
            if (before != null && !(before.equals(ParsedChange.DELETE) && !change.action().equals(ParsedChange.DELETE))) {
                problems.add("The request contains an invalid set of changes for a resource record set '" + set.type() + " "
                        + DnsNames.escaped(set.name()) + "'");
                continue;
            }
            String problem = switch (change.action()) {
                case ParsedChange.DELETE -> delete(sets, set);
                case ParsedChange.CREATE -> sets.containsKey(set.key())
                        ? "Tried to create resource record set " + set.key().describe() + " but it already exists"
                        : put(sets, set);
                default -> put(sets, set);
            };
            if (problem != null) {
                problems.add(problem);
            } else if (set.alias() != null && !change.action().equals(ParsedChange.DELETE)) {
                aliases.add(set);
            }
        }
        if (problems.isEmpty()) {
            apexRules(sets.values(), problems);
            aliases.forEach(a -> aliasRule(sets.values(), a, problems));
        }
        if (!problems.isEmpty()) {
            throw Route53Errors.invalidChangeBatch(problems);
        }
        return List.copyOf(sets.values());
    }

    private static String delete(Map<RecordSet.Key, RecordSet> sets, RecordSet set) {
        RecordSet stored = sets.get(set.key());
        if (stored == null) {
            return "Tried to delete resource record set " + set.key().describe() + " but it was not found";
        }
        if (!stored.sameAs(set)) {
            return "Tried to delete resource record set " + set.key().describe() + " but the values provided do not match the current values";
        }
        sets.remove(set.key());
        return null;
    }

    /** Creates or replaces the set, after the rules that tie it to the other sets of the zone. */
    private String put(Map<RecordSet.Key, RecordSet> sets, RecordSet set) {
        String name = DnsNames.escaped(set.name());
        String zone = DnsNames.escaped(zoneName);
        if (!DnsNames.within(set.name(), zoneName)) {
            return "RRSet with DNS name " + name + " is not permitted in zone " + zone;
        }
        boolean apex = set.name().equals(zoneName);
        if (set.type().equals("CNAME") && apex) {
            return "RRSet of type CNAME with DNS name " + name + " is not permitted at apex in zone " + zone;
        }
        if (set.type().equals("SOA") && !apex) {
            return "RRSet of type SOA with DNS name " + name + " is not permitted because SOA records are only permitted at the apex of zone " + zone;
        }
        if (apex && (set.type().equals("SOA") || set.type().equals("NS")) && (set.setIdentifier() != null || set.alias() != null)) {
            return "RRSet of type " + set.type() + " with DNS name " + name + " is not permitted to be an alias or to have a routing policy at apex";
        }
        if (set.alias() != null && (set.type().equals("SOA") || set.type().equals("NS"))) {
            return "RRSet of type " + set.type() + " with DNS name " + name + " is not permitted to be an alias";
        }
        if (set.type().equals("NS") && DnsNames.isWildcard(set.name())) {
            return "RRSet of type NS with DNS name " + name + " is not permitted because wildcard NS records are not supported";
        }
        List<RecordSet> sameName = sets.values().stream().filter(s -> s.name().equals(set.name()) && !s.key().equals(set.key())).toList();
        if (set.type().equals("CNAME") && sameName.stream().anyMatch(s -> !s.type().equals("CNAME"))) {
            return "RRSet of type CNAME with DNS name " + name + " is not permitted as it conflicts with other records with the same DNS name in zone " + zone;
        }
        if (!set.type().equals("CNAME") && sameName.stream().anyMatch(s -> s.type().equals("CNAME"))) {
            return "RRSet of type " + set.type() + " with DNS name " + name
                    + " is not permitted because a conflicting RRSet of type CNAME with the same DNS name already exists in zone " + zone;
        }
        String policyProblem = policyRule(sameName.stream().filter(s -> s.type().equals(set.type())).toList(), set, name);
        if (policyProblem != null) {
            return policyProblem;
        }
        sets.put(set.key(), set);
        return null;
    }

    /** One policy per name and type; within it, one set per failover role, latency region or location. */
    private static String policyRule(List<RecordSet> siblings, RecordSet set, String name) {
        if (siblings.isEmpty()) {
            return null;
        }
        String prefix = "RRSet with DNS name " + name + ", type " + set.type();
        if (set.setIdentifier() == null) {
            return prefix + " cannot be created as other RRSets exist with the same name and type.";
        }
        prefix = prefix + ", SetIdentifier " + set.setIdentifier();
        for (RecordSet other : siblings) {
            if (!other.policy().equals(set.policy())) {
                return prefix + " cannot be created as a non-" + set.policy() + " set exists with the same name and type.";
            }
            if (set.failover() != null && set.failover().equals(other.failover())) {
                return prefix + " cannot be created because a failover set of type " + set.failover() + " already exists with the same name and type.";
            }
            if (set.region() != null && set.region().equals(other.region())) {
                return prefix + " cannot be created because a latency set for region " + set.region() + " already exists with the same name and type.";
            }
            if (set.geoLocation() != null && set.geoLocation().equals(other.geoLocation())) {
                return prefix + " cannot be created because a geolocation set for the same location already exists with the same name and type.";
            }
        }
        return null;
    }

    /** After the batch, the apex keeps exactly one SOA and at least one NS record. */
    private void apexRules(Collection<RecordSet> sets, List<String> problems) {
        long soa = sets.stream().filter(s -> s.name().equals(zoneName) && s.type().equals("SOA")).count();
        if (soa != 1) {
            problems.add("A HostedZone must contain exactly one SOA record.");
        }
        if (sets.stream().noneMatch(s -> s.name().equals(zoneName) && s.type().equals("NS"))) {
            problems.add("A HostedZone must contain at least one NS record for the zone itself.");
        }
    }

    /** An alias needs its target: a set of the same type in this zone, or a service's resource. */
    private void aliasRule(Collection<RecordSet> sets, RecordSet set, List<String> problems) {
        RecordSet.Alias alias = set.alias();
        String prefix = "Tried to create an alias that targets " + DnsNames.escaped(alias.dnsName()) + ", type " + set.type()
                + " in zone " + alias.hostedZoneId();
        AliasTargets.Verdict verdict;
        if (alias.hostedZoneId().equals(zoneId)) {
            if (!DnsNames.within(alias.dnsName(), zoneName)) {
                verdict = AliasTargets.Verdict.OUTSIDE_ZONE;
            } else {
                boolean found = sets.stream().anyMatch(s -> s.name().equals(alias.dnsName()) && s.type().equals(set.type())
                        && !s.key().equals(set.key()));
                verdict = found ? AliasTargets.Verdict.FOUND : AliasTargets.Verdict.NOT_FOUND;
            }
        } else {
            verdict = targets.check(alias.hostedZoneId(), alias.dnsName(), set.type());
        }
        switch (verdict) {
            case OUTSIDE_ZONE -> problems.add(prefix + ", but the alias target name does not lie within the target zone");
            case NOT_FOUND -> problems.add(prefix + ", but that target was not found");
            case FOUND -> {
            }
        }
    }
}
