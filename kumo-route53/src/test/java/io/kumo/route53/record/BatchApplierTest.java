package io.kumo.route53.record;

import io.kumo.core.AwsException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The change-batch rules, on a zone held in memory. */
class BatchApplierTest {
    private static final String ZONE = "example.com.";
    private static final String ZONE_ID = "ZTEST";
    private List<RecordSet> sets = new ArrayList<>(ApexRecords.initial(ZONE));

    private static Change change(String action, Consumer<ResourceRecordSet.Builder> set) {
        ResourceRecordSet.Builder b = ResourceRecordSet.builder();
        set.accept(b);
        return Change.builder().action(action).resourceRecordSet(b.build()).build();
    }

    private static Change a(String action, String name, String... values) {
        return change(action, s -> s.name(name).type("A").ttl(300L)
                .resourceRecords(java.util.Arrays.stream(values).map(v -> software.amazon.awssdk.services.route53.model.ResourceRecord.builder().value(v).build()).toList()));
    }

    private static Change typed(String action, String name, String type, String value) {
        return change(action, s -> s.name(name).type(type).ttl(300L)
                .resourceRecords(software.amazon.awssdk.services.route53.model.ResourceRecord.builder().value(value).build()));
    }

    private void apply(Change... changes) {
        sets = new ArrayList<>(new BatchApplier(ZONE_ID, ZONE, AliasTargets.NONE).apply(sets, ChangeParser.parse(List.of(changes))));
    }

    private void refused(String code, String message, Change... changes) {
        List<RecordSet> before = List.copyOf(sets);
        assertThatThrownBy(() -> apply(changes)).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(message);
        });
        assertThat(sets).isEqualTo(before);
    }

    @Test
    void createDeleteAndUpsertWithAwsMessages() {
        apply(a("CREATE", "www.example.com", "192.0.2.1"));
        refused("InvalidChangeBatch", "[Tried to create resource record set [name='www.example.com.', type='A'] but it already exists]",
                a("CREATE", "www.example.com", "192.0.2.9"));
        refused("InvalidChangeBatch", "Tried to delete resource record set [name='api.example.com.', type='A'] but it was not found",
                a("DELETE", "api.example.com", "192.0.2.1"));
        refused("InvalidChangeBatch", "but the values provided do not match the current values", a("DELETE", "www.example.com", "192.0.2.2"));
        apply(a("UPSERT", "www.example.com", "192.0.2.2", "192.0.2.3"));
        assertThat(sets).filteredOn(s -> s.name().equals("www.example.com.")).singleElement()
                .satisfies(s -> assertThat(s.values()).containsExactly("192.0.2.2", "192.0.2.3"));
        apply(a("DELETE", "www.example.com", "192.0.2.3", "192.0.2.2"));
        assertThat(sets).hasSize(2);
    }

    @Test
    void aBatchIsAllOrNothingAndListsEveryProblem() {
        apply(a("CREATE", "a.example.com", "192.0.2.1"));
        refused("InvalidChangeBatch", "already exists, Tried to delete", a("CREATE", "b.example.com", "192.0.2.1"),
                a("CREATE", "a.example.com", "192.0.2.1"), a("DELETE", "c.example.com", "192.0.2.1"));
        assertThat(sets).noneMatch(s -> s.name().equals("b.example.com."));
    }

    @Test
    void oneRecordSetChangedTwiceIsRefusedUnlessDeletedThenCreated() {
        apply(a("CREATE", "a.example.com", "192.0.2.1"));
        apply(a("DELETE", "a.example.com", "192.0.2.1"), a("CREATE", "a.example.com", "192.0.2.2"));
        refused("InvalidChangeBatch", "The request contains an invalid set of changes for a resource record set 'A a.example.com.'",
                a("UPSERT", "a.example.com", "192.0.2.3"), a("UPSERT", "a.example.com", "192.0.2.4"));
    }

    @Test
    void cnameStandsAlone() {
        apply(a("CREATE", "www.example.com", "192.0.2.1"));
        refused("InvalidChangeBatch", "RRSet of type CNAME with DNS name www.example.com. is not permitted as it conflicts with other records "
                + "with the same DNS name in zone example.com.", typed("CREATE", "www.example.com", "CNAME", "other.example.org"));
        apply(typed("CREATE", "cdn.example.com", "CNAME", "other.example.org"));
        refused("InvalidChangeBatch", "RRSet of type TXT with DNS name cdn.example.com. is not permitted because a conflicting RRSet of type "
                + "CNAME with the same DNS name already exists in zone example.com.", typed("CREATE", "cdn.example.com", "TXT", "\"x\""));
        refused("InvalidChangeBatch", "RRSet of type CNAME with DNS name example.com. is not permitted at apex in zone example.com.",
                typed("CREATE", "example.com", "CNAME", "other.example.org"));
    }

    @Test
    void namesOutsideTheZoneAndApexRules() {
        refused("InvalidChangeBatch", "RRSet with DNS name www.example.org. is not permitted in zone example.com.",
                a("CREATE", "www.example.org", "192.0.2.1"));
        RecordSet soa = sets.stream().filter(s -> s.type().equals("SOA")).findFirst().orElseThrow();
        refused("InvalidChangeBatch", "A HostedZone must contain exactly one SOA record.", change("DELETE", s -> s.name("example.com").type("SOA")
                .ttl(soa.ttl()).resourceRecords(software.amazon.awssdk.services.route53.model.ResourceRecord.builder().value(soa.values().getFirst()).build())));
        RecordSet ns = sets.stream().filter(s -> s.type().equals("NS")).findFirst().orElseThrow();
        refused("InvalidChangeBatch", "A HostedZone must contain at least one NS record for the zone itself.",
                change("DELETE", s -> s.name("example.com").type("NS").ttl(ns.ttl()).resourceRecords(ns.values().stream()
                        .map(v -> software.amazon.awssdk.services.route53.model.ResourceRecord.builder().value(v).build()).toList())));
        apply(typed("UPSERT", "example.com", "SOA", "ns-1.kumo.localhost. admin.example.com. 2 7200 900 1209600 300"));
        apply(typed("CREATE", "sub.example.com", "NS", "ns1.elsewhere.org."));
        refused("InvalidChangeBatch", "only permitted at the apex", typed("CREATE", "sub.example.com", "SOA", "a. b. 1 2 3 4 5"));
    }

    @Test
    void valuesAreCheckedPerTypeAndTtlsRanged() {
        refused("InvalidChangeBatch", "ARRDATAIllegalIPv4Address", a("CREATE", "x.example.com", "1.2.3"));
        refused("InvalidChangeBatch", "Duplicate Resource Record: '192.0.2.1'", a("CREATE", "x.example.com", "192.0.2.1", "192.0.2.1"));
        refused("InvalidInput", "Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or TrafficPolicyInstanceId], but found none",
                change("CREATE", s -> s.name("x.example.com").type("A")));
        refused("InvalidInput", "greater than or equal to 0", change("CREATE", s -> s.name("x.example.com").type("A").ttl(-1L)
                .resourceRecords(software.amazon.awssdk.services.route53.model.ResourceRecord.builder().value("192.0.2.1").build())));
        refused("InvalidInput", "Kumo does not serve records of type HTTPS", typed("CREATE", "x.example.com", "HTTPS", "1 . alpn=h2"));
        apply(change("CREATE", s -> s.name("max.example.com").type("A").ttl(ChangeParser.MAX_TTL)
                .resourceRecords(software.amazon.awssdk.services.route53.model.ResourceRecord.builder().value("192.0.2.1").build())));
    }

    private static Change routed(String action, String name, String setId, Consumer<ResourceRecordSet.Builder> policy) {
        return change(action, s -> {
            s.name(name).type("A").ttl(60L).setIdentifier(setId)
                    .resourceRecords(software.amazon.awssdk.services.route53.model.ResourceRecord.builder().value("192.0.2.1").build());
            policy.accept(s);
        });
    }

    @Test
    void routingPoliciesDoNotMixAndStayUnique() {
        apply(routed("CREATE", "w.example.com", "one", s -> s.weight(0L)), routed("CREATE", "w.example.com", "two", s -> s.weight(255L)));
        refused("InvalidInput", "less than or equal to 255", routed("CREATE", "w.example.com", "three", s -> s.weight(256L)));
        refused("InvalidChangeBatch", "RRSet with DNS name w.example.com., type A cannot be created as other RRSets exist with the same name and type.",
                a("CREATE", "w.example.com", "192.0.2.1"));
        refused("InvalidChangeBatch", "SetIdentifier three cannot be created as a non-latency set exists with the same name and type.",
                routed("CREATE", "w.example.com", "three", s -> s.region("eu-west-1")));
        refused("InvalidInput", "Missing field 'SetIdentifier'", routed("CREATE", "v.example.com", null, s -> s.weight(1L)));
        refused("InvalidInput", "but found none", routed("CREATE", "v.example.com", "x", s -> { }));
        refused("InvalidInput", "but found more than one", routed("CREATE", "v.example.com", "x", s -> s.weight(1L).failover("PRIMARY")));

        apply(routed("CREATE", "f.example.com", "p", s -> s.failover("PRIMARY")), routed("CREATE", "f.example.com", "s", s -> s.failover("SECONDARY")));
        refused("InvalidChangeBatch", "a failover set of type PRIMARY already exists", routed("CREATE", "f.example.com", "p2", s -> s.failover("PRIMARY")));
        refused("InvalidInput", "enum value set: [PRIMARY, SECONDARY]", routed("CREATE", "g.example.com", "p", s -> s.failover("TERTIARY")));

        apply(routed("CREATE", "geo.example.com", "eu", s -> s.geoLocation(g -> g.continentCode("EU"))),
                routed("CREATE", "geo.example.com", "jp", s -> s.geoLocation(g -> g.countryCode("JP"))),
                routed("CREATE", "geo.example.com", "wa", s -> s.geoLocation(g -> g.countryCode("US").subdivisionCode("WA"))),
                routed("CREATE", "geo.example.com", "default", s -> s.geoLocation(g -> g.countryCode("*"))));
        refused("InvalidChangeBatch", "a geolocation set for the same location already exists",
                routed("CREATE", "geo.example.com", "jp2", s -> s.geoLocation(g -> g.countryCode("JP"))));
        refused("InvalidInput", "not a valid GeoLocation ContinentCode", routed("CREATE", "geo2.example.com", "x", s -> s.geoLocation(g -> g.continentCode("XX"))));
        refused("InvalidInput", "not a valid GeoLocation CountryCode", routed("CREATE", "geo2.example.com", "x", s -> s.geoLocation(g -> g.countryCode("QQ"))));
        refused("InvalidInput", "not a valid GeoLocation SubdivisionCode", routed("CREATE", "geo2.example.com", "x",
                s -> s.geoLocation(g -> g.countryCode("JP").subdivisionCode("13"))));
        refused("InvalidInput", "not both", routed("CREATE", "geo2.example.com", "x", s -> s.geoLocation(g -> g.countryCode("JP").continentCode("AS"))));

        apply(routed("CREATE", "lat.example.com", "tokyo", s -> s.region("ap-northeast-1")));
        refused("InvalidChangeBatch", "a latency set for region ap-northeast-1 already exists", routed("CREATE", "lat.example.com", "t2", s -> s.region("ap-northeast-1")));
        refused("InvalidInput", "region", routed("CREATE", "lat.example.com", "mars", s -> s.region("mars-1")));
        apply(routed("CREATE", "mv.example.com", "m1", s -> s.multiValueAnswer(true)), routed("CREATE", "mv.example.com", "m2", s -> s.multiValueAnswer(true)));
    }

    private static Change alias(String name, String zoneId, String target) {
        return change("CREATE", s -> s.name(name).type("A").aliasTarget(t -> t.hostedZoneId(zoneId).dnsName(target).evaluateTargetHealth(false)));
    }

    @Test
    void aliasesNeedTheirTarget() {
        refused("InvalidChangeBatch", "Tried to create an alias that targets www.example.com., type A in zone ZTEST, but that target was not found",
                alias("a.example.com", ZONE_ID, "www.example.com"));
        refused("InvalidChangeBatch", "but the alias target name does not lie within the target zone", alias("a.example.com", ZONE_ID, "www.example.org"));
        apply(a("CREATE", "www.example.com", "192.0.2.1"), alias("a.example.com", ZONE_ID, "WWW.example.com."));
        assertThat(sets).filteredOn(s -> s.name().equals("a.example.com.")).singleElement()
                .satisfies(s -> assertThat(s.alias()).isEqualTo(new RecordSet.Alias(ZONE_ID, "www.example.com.", false)));
        refused("InvalidChangeBatch", "but that target was not found", alias("b.example.com", "Z14GRHDCWA56QT", "my-lb-1.ap-northeast-1.elb.localhost"));
    }

    @Test
    void loadBalancerAliasesCheckTheRegionsZoneAndTheName() {
        ServiceAliasTargets targets = new ServiceAliasTargets(java.util.Optional::empty);
        assertThat(targets.check("Z14GRHDCWA56QT", "dualstack.web-123.ap-northeast-1.elb.localhost.", "A")).isEqualTo(AliasTargets.Verdict.FOUND);
        assertThat(targets.check("Z14GRHDCWA56QT", "web-123.us-east-1.elb.localhost.", "A")).isEqualTo(AliasTargets.Verdict.OUTSIDE_ZONE);
        assertThat(targets.check("ZNOTAZONE", "web-123.ap-northeast-1.elb.localhost.", "A")).isEqualTo(AliasTargets.Verdict.NOT_FOUND);
        io.kumo.core.dns.GeneratedNames names = new io.kumo.core.dns.GeneratedNames();
        names.add(new io.kumo.core.dns.GeneratedNames.Source() {
            public java.util.Set<String> domains() {
                return java.util.Set.of("elb.localhost");
            }

            public List<String> addresses(String vpcId, String name) {
                return name.equals("web-123.ap-northeast-1.elb.localhost") ? List.of("10.0.1.10") : List.of();
            }
        });
        ServiceAliasTargets known = new ServiceAliasTargets(() -> java.util.Optional.of(names));
        assertThat(known.check("Z14GRHDCWA56QT", "web-123.ap-northeast-1.elb.localhost.", "A")).isEqualTo(AliasTargets.Verdict.FOUND);
        assertThat(known.check("Z14GRHDCWA56QT", "gone-1.ap-northeast-1.elb.localhost.", "A")).isEqualTo(AliasTargets.Verdict.NOT_FOUND);
    }

    @Test
    void listingOrderPutsTypesInOrderUnderReversedNames() {
        apply(a("CREATE", "www.example.com", "192.0.2.1"), a("CREATE", "example.com", "192.0.2.1"), typed("CREATE", "*.example.com", "TXT", "\"w\""));
        assertThat(sets).extracting(s -> s.name() + " " + s.type())
                .containsExactly("example.com. A", "example.com. NS", "example.com. SOA", "*.example.com. TXT", "www.example.com. A");
    }
}
