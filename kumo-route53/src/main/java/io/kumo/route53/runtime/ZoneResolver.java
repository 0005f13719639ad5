package io.kumo.route53.runtime;

import io.kumo.core.dns.GeneratedNames;
import io.kumo.core.dns.HostedZoneAnswers;
import io.kumo.core.dns.HostedZoneAnswers.TextRecord;
import io.kumo.core.dns.LoadBalancerHealth;
import io.kumo.route53.record.RecordSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers questions from the hosted zones as an authoritative server does (RFC 1034 4.3.2, RFC 4592 for wildcards):
 * delegations below the apex become referrals, a name's own sets answer (through their routing policy), a CNAME
 * answers any type and is followed through Kumo's zones of the same scope, a wildcard answers names that do not
 * exist below its parent, and the rest is NODATA or NXDOMAIN with the zone's SOA.
 */
public final class ZoneResolver implements HostedZoneAnswers {
    /** How many CNAMEs and aliases an answer follows, so a loop of them ends. */
    static final int MAX_CHAIN = 8;
    /** AWS gives a load balancer alias the load balancer's TTL, 60 seconds. */
    static final long LOAD_BALANCER_TTL = 60;
    private static final String LOOPBACK = "127.0.0.1";

    private final ZoneCatalogCache catalog;
    private final PolicyRouter router;
    private final Supplier<Optional<GeneratedNames>> generated;
    private final Supplier<Optional<LoadBalancerHealth>> loadBalancers;

    ZoneResolver(ZoneCatalogCache catalog, PolicyRouter router, Supplier<Optional<GeneratedNames>> generated,
                 Supplier<Optional<LoadBalancerHealth>> loadBalancers) {
        this.catalog = catalog;
        this.router = router;
        this.generated = generated;
        this.loadBalancers = loadBalancers;
    }

    public static ZoneResolver over(io.kumo.core.store.Store store, String defaultRegion, Supplier<Optional<GeneratedNames>> generated) {
        return over(store, defaultRegion, generated, Optional::empty);
    }

    /** @param loadBalancers looked up at each use: the module that provides it may start after this one */
    public static ZoneResolver over(io.kumo.core.store.Store store, String defaultRegion, Supplier<Optional<GeneratedNames>> generated,
                                    Supplier<Optional<LoadBalancerHealth>> loadBalancers) {
        return new ZoneResolver(new ZoneCatalogCache(store), new PolicyRouter(new ClientPlaces(defaultRegion)), generated, loadBalancers);
    }

    /** One question being answered against one catalog snapshot. */
    private record Asking(ZoneCatalog catalog, Question question, Scope scope, PolicyRouter.Asker asker) {
    }

    @Override
    public Answer answer(Question question, Scope scope) {
        String name = canonical(question.name());
        PolicyRouter.Asker asker = new PolicyRouter.Asker(question.client(),
                question.subnet() == null ? null : question.subnet().address());
        Asking asking = new Asking(catalog.get(), question, scope, asker);
        Optional<ZoneIndex> zone = asking.catalog().zoneFor(name, question.vpcId(), scope == Scope.PRIVATE);
        if (zone.isEmpty()) {
            return NOT_MINE;
        }
        return lookup(asking, zone.get(), name, question.type().toUpperCase(Locale.ROOT), 0);
    }

    private Found lookup(Asking asking, ZoneIndex zone, String name, String type, int depth) {
        Optional<Found> referral = referral(zone, name, type);
        if (referral.isPresent()) {
            return referral.get();
        }
        String owner = name;
        if (!zone.exists(name)) {
            Optional<String> wildcard = wildcard(zone, name);
            if (wildcard.isEmpty()) {
                return new Found(false, List.of(), soa(zone), List.of(), true);
            }
            owner = wildcard.get();
        }
        List<TextRecord> answer = new ArrayList<>();
        Map<String, List<RecordSet>> sets = zone.at(owner);
        if (type.equals("ANY")) {
            sets.values().forEach(group -> answer.addAll(records(asking, zone, group, name, depth)));
        } else if (sets.containsKey(type)) {
            answer.addAll(records(asking, zone, sets.get(type), name, depth));
        } else if (sets.containsKey("CNAME")) {
            List<TextRecord> cname = records(asking, zone, sets.get("CNAME"), name, depth);
            answer.addAll(cname);
            if (!cname.isEmpty()) {
                answer.addAll(follow(asking, canonical(cname.getFirst().data()), type, depth + 1));
            }
        }
        return new Found(true, answer, answer.isEmpty() ? soa(zone) : List.of(), List.of(), true);
    }

    /** A CNAME's target, answered when it lies in one of Kumo's zones of the same scope; else the client goes on. */
    private List<TextRecord> follow(Asking asking, String target, String type, int depth) {
        if (depth > MAX_CHAIN) {
            return List.of();
        }
        Optional<ZoneIndex> zone = asking.catalog().zoneFor(target, asking.question().vpcId(), asking.scope() == Scope.PRIVATE);
        if (zone.isEmpty()) {
            return List.of();
        }
        Found found = lookup(asking, zone.get(), target, type, depth);
        return found.authoritative() ? found.answer() : List.of();
    }

    /** NS sets between the apex and the name (the name included, except for DS, which the parent holds) are cuts. */
    private static Optional<Found> referral(ZoneIndex zone, String name, String type) {
        List<String> path = new ArrayList<>();
        for (String n = name; n != null && !n.equals(zone.name()); n = ZoneIndex.parent(n)) {
            path.addFirst(n);
        }
        for (String cut : path) {
            if (cut.equals(name) && type.equals("DS")) {
                break;
            }
            List<RecordSet> ns = zone.sets(cut, "NS");
            if (!ns.isEmpty()) {
                List<TextRecord> authority = new ArrayList<>();
                List<TextRecord> glue = new ArrayList<>();
                for (String server : ns.getFirst().values()) {
                    authority.add(new TextRecord(cut, "NS", ns.getFirst().ttl(), server));
                    String host = canonical(server);
                    if (ZoneIndex.within(host, cut)) {
                        for (String glueType : List.of("A", "AAAA")) {
                            zone.sets(host, glueType).forEach(set -> set.values()
                                    .forEach(v -> glue.add(new TextRecord(host, glueType, set.ttl(), v))));
                        }
                    }
                }
                return Optional.of(new Found(true, List.of(), authority, glue, false));
            }
        }
        return Optional.empty();
    }

    /**
     * The wildcard that answers a name that does not exist (RFC 4592): {@code *.} under the closest encloser, the
     * deepest existing ancestor. A wildcard deeper than that does not apply, nor does one beyond the encloser.
     */
    private static Optional<String> wildcard(ZoneIndex zone, String name) {
        String encloser = ZoneIndex.parent(name);
        while (encloser != null && !zone.exists(encloser)) {
            encloser = ZoneIndex.parent(encloser);
        }
        if (encloser == null) {
            return Optional.empty();
        }
        String source = "*." + encloser;
        return zone.at(source).isEmpty() ? Optional.empty() : Optional.of(source);
    }

    /** The records of one name and type after routing, owned by {@code owner} (the asked name, for wildcards). */
    private List<TextRecord> records(Asking asking, ZoneIndex zone, List<RecordSet> group, String owner, int depth) {
        List<TextRecord> out = new ArrayList<>();
        RecordHealth health = new RecordHealth(asking.catalog(), zone, this::loadBalancerHealth);
        for (RecordSet set : router.choose(group, health::healthy, asking.asker())) {
            if (set.alias() == null) {
                set.values().forEach(v -> out.add(new TextRecord(owner, set.type(), set.ttl(), v)));
            } else {
                out.addAll(alias(asking, zone, set, owner, depth));
            }
        }
        return out;
    }

    /**
     * An alias answers with its target's records under its own name: a set of the zone (through the target's own
     * routing), or a load balancer's addresses as the asker sees them (the VPC's view, or the loopback for the host,
     * where the front door listens).
     */
    private List<TextRecord> alias(Asking asking, ZoneIndex zone, RecordSet set, String owner, int depth) {
        String target = set.alias().dnsName();
        if (depth >= MAX_CHAIN) {
            return List.of();
        }
        if (RecordHealth.sameZone(zone, set.alias())) {
            Found found = lookup(asking, zone, target, set.type(), depth + 1);
            return found.answer().stream().filter(r -> r.type().equals(set.type()))
                    .map(r -> new TextRecord(owner, r.type(), r.ttl(), r.data())).toList();
        }
        if (!set.type().equals("A")) {
            return List.of(); // load balancers have IPv4 addresses only in Kumo
        }
        String lb = loadBalancerName(target);
        Optional<GeneratedNames> names = generated.get();
        Optional<GeneratedNames.Source> source = names.flatMap(n -> n.owner(lb));
        if (source.isEmpty()) {
            return List.of();
        }
        String vpcId = asking.question().vpcId();
        List<String> addresses = source.get().addresses(vpcId == null ? "" : vpcId, lb);
        if (vpcId == null && !addresses.isEmpty()) {
            addresses = List.of(LOOPBACK);
        }
        return addresses.stream().map(ip -> new TextRecord(owner, "A", LOAD_BALANCER_TTL, ip)).toList();
    }

    /** Only names a service generates are asked about: others (CloudFront) have no verdict, so count as healthy. */
    private Optional<Boolean> loadBalancerHealth(String target) {
        String lb = loadBalancerName(target);
        if (generated.get().flatMap(n -> n.owner(lb)).isEmpty()) {
            return Optional.empty();
        }
        return loadBalancers.get().flatMap(health -> health.healthy(lb));
    }

    private static String loadBalancerName(String target) {
        return GeneratedNames.normalize(target.startsWith("dualstack.") ? target.substring("dualstack.".length()) : target);
    }

    private static List<TextRecord> soa(ZoneIndex zone) {
        return zone.soa().map(s -> List.of(new TextRecord(zone.name(), "SOA", s.ttl(), s.values().getFirst()))).orElse(List.of());
    }

    static String canonical(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n : n + ".";
    }
}
