package io.kumo.route53.runtime;

import io.kumo.core.dns.GeneratedNames;
import io.kumo.core.dns.HostedZoneAnswers;
import io.kumo.core.dns.HostedZoneAnswers.Found;
import io.kumo.core.dns.HostedZoneAnswers.Scope;
import io.kumo.core.dns.HostedZoneAnswers.TextRecord;
import io.kumo.core.store.StoreScope;
import io.kumo.route53.health.HealthCheckStatusRecord;
import io.kumo.route53.record.ApexRecords;
import io.kumo.route53.record.RecordSet;
import io.kumo.route53.record.ZoneRecordSets;
import io.kumo.route53.zone.HostedZoneRecord;
import io.kumo.store.EmbeddedStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The answering rules over a real in-memory store: zones, wildcards, CNAMEs, cuts, aliases, failover, private scope. */
class ZoneResolverTest {
    private static final StoreScope ACCOUNT = new StoreScope("000000000000", "ap-northeast-1");
    private EmbeddedStore store;
    private ZoneResolver resolver;
    private final GeneratedNames generated = new GeneratedNames();
    /** The ELB module's verdict on lb-1, as its contract would give it. */
    private final java.util.concurrent.atomic.AtomicBoolean loadBalancerHealthy = new java.util.concurrent.atomic.AtomicBoolean(true);

    @BeforeEach
    void open() {
        store = EmbeddedStore.inMemory();
        store.register(HostedZoneRecord.TABLE);
        store.register(ZoneRecordSets.TABLE);
        store.register(HealthCheckStatusRecord.TABLE);
        store.open();
        resolver = ZoneResolver.over(store, "ap-northeast-1", () -> Optional.of(generated),
                () -> Optional.of(name -> Optional.of(loadBalancerHealthy.get())));
        generated.add(new GeneratedNames.Source() {
            @Override
            public Set<String> domains() {
                return Set.of("elb.localhost");
            }

            @Override
            public List<String> addresses(String vpcId, String name) {
                return name.startsWith("lb-1.") ? List.of("10.0.0.10", "10.0.1.10") : List.of();
            }
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void zone(String id, String name, boolean privateZone, List<RecordSet> sets) {
        List<RecordSet> all = new ArrayList<>(ApexRecords.initial(name));
        all.addAll(sets);
        store.write(ACCOUNT, tx -> {
            tx.put(HostedZoneRecord.TABLE, id, new HostedZoneRecord(id, name, "ref-" + id, null, privateZone, null, all.size(),
                    Instant.parse("2026-01-01T00:00:00Z"), privateZone ? List.of(new HostedZoneRecord.ZoneVpc("ap-northeast-1", "vpc-1")) : List.of()));
            ZoneRecordSets.save(tx, id, all);
            return null;
        });
    }

    private static RecordSet a(String name, String... ips) {
        return RecordSet.simple(name, "A", 300, List.of(ips));
    }

    private Found ask(String name, String type) {
        return (Found) resolver.answer(new HostedZoneAnswers.Question(name, type, null, null, null), Scope.PUBLIC);
    }

    private static List<String> data(Found found) {
        return found.answer().stream().map(TextRecord::data).toList();
    }

    @Test
    void wildcardsAnswerOnlyNamesThatDoNotExist() {
        zone("Z1", "example.com.", false, List.of(a("*.w.example.com.", "192.0.2.9"),
                RecordSet.simple("x.w.example.com.", "TXT", 60, List.of("\"x\"")), a("a.b.example.com.", "192.0.2.1")));
        assertThat(data(ask("new.w.example.com", "A"))).containsExactly("192.0.2.9");
        assertThat(ask("new.w.example.com", "A").answer().getFirst().name()).isEqualTo("new.w.example.com.");
        assertThat(data(ask("x.w.example.com", "A"))).isEmpty();
        Found ent = ask("b.example.com", "A");
        assertThat(ent.exists()).as("an empty non-terminal exists").isTrue();
        assertThat(ent.authority()).singleElement().satisfies(r -> assertThat(r.type()).isEqualTo("SOA"));
        assertThat(ask("nope.example.com", "A").exists()).isFalse();
        assertThat(resolver.answer(new HostedZoneAnswers.Question("example.org", "A", null, null, null), Scope.PUBLIC))
                .isInstanceOf(HostedZoneAnswers.NotMine.class);
    }

    @Test
    void cnameChainsAreFollowedAndLoopsEnd() {
        zone("Z1", "example.com.", false, List.of(
                RecordSet.simple("a.example.com.", "CNAME", 60, List.of("b.example.com.")),
                RecordSet.simple("b.example.com.", "CNAME", 60, List.of("www.example.com")),
                a("www.example.com.", "192.0.2.1"),
                RecordSet.simple("loop1.example.com.", "CNAME", 60, List.of("loop2.example.com.")),
                RecordSet.simple("loop2.example.com.", "CNAME", 60, List.of("loop1.example.com."))));
        assertThat(data(ask("a.example.com", "A"))).containsExactly("b.example.com.", "www.example.com", "192.0.2.1");
        assertThat(ask("loop1.example.com", "A").answer()).hasSizeLessThanOrEqualTo(ZoneResolver.MAX_CHAIN + 2);
    }

    @Test
    void aChildZoneInKumoWinsOverTheParentsDelegation() {
        zone("Z1", "example.com.", false, List.of(RecordSet.simple("sub.example.com.", "NS", 60, List.of("ns.sub.example.com.")),
                a("ns.sub.example.com.", "192.0.2.53"), RecordSet.simple("other.example.com.", "NS", 60, List.of("ns.elsewhere.net."))));
        zone("Z2", "sub.example.com.", false, List.of(a("www.sub.example.com.", "192.0.2.80")));
        assertThat(data(ask("www.sub.example.com", "A"))).containsExactly("192.0.2.80");
        Found referral = ask("x.other.example.com", "A");
        assertThat(referral.authoritative()).isFalse();
        assertThat(referral.authority()).extracting(TextRecord::data).containsExactly("ns.elsewhere.net.");
        assertThat(referral.additional()).isEmpty();
    }

    @Test
    void aliasesAnswerTheirTargetOrTheLoadBalancerAsTheAskerSeesIt() {
        zone("Z1", "example.com.", false, List.of(a("www.example.com.", "192.0.2.1"),
                new RecordSet("al.example.com.", "A", null, null, null, new RecordSet.Alias("Z1", "www.example.com.", false),
                        null, null, null, null, null, null),
                new RecordSet("lb.example.com.", "A", null, null, null,
                        new RecordSet.Alias("Z14GRHDCWA56QT", "lb-1.ap-northeast-1.elb.localhost.", false), null, null, null, null, null, null)));
        assertThat(ask("al.example.com", "A").answer()).containsExactly(new TextRecord("al.example.com.", "A", 300, "192.0.2.1"));
        assertThat(data(ask("lb.example.com", "A"))).containsExactly("127.0.0.1");
        Found inVpc = (Found) resolver.answer(new HostedZoneAnswers.Question("lb.example.com", "A", "vpc-9", null, null), Scope.PUBLIC);
        assertThat(data(inVpc)).containsExactly("10.0.0.10", "10.0.1.10");
    }

    @Test
    void failoverFollowsTheStoredVerdictAndChangesAreServedAtOnce() {
        RecordSet primary = new RecordSet("f.example.com.", "A", "p", 60L, List.of("10.1.0.1"), null, null, null, null, "PRIMARY", null, "hc-1");
        RecordSet secondary = new RecordSet("f.example.com.", "A", "s", 60L, List.of("10.1.0.2"), null, null, null, null, "SECONDARY", null, null);
        zone("Z1", "example.com.", false, List.of(primary, secondary));
        assertThat(data(ask("f.example.com", "A"))).containsExactly("10.1.0.1");
        store.write(ACCOUNT, tx -> {
            tx.put(HealthCheckStatusRecord.TABLE, "hc-1", new HealthCheckStatusRecord("hc-1", List.of(), false, Instant.now(), null));
            return null;
        });
        assertThat(data(ask("f.example.com", "A"))).containsExactly("10.1.0.2");
    }

    @Test
    void privateZonesAnswerTheirVpcsOnly() {
        zone("Z1", "corp.internal.", true, List.of(a("db.corp.internal.", "10.9.9.9")));
        var question = new HostedZoneAnswers.Question("db.corp.internal", "A", "vpc-1", null, null);
        assertThat(data((Found) resolver.answer(question, Scope.PRIVATE))).containsExactly("10.9.9.9");
        assertThat(resolver.answer(new HostedZoneAnswers.Question("db.corp.internal", "A", "vpc-2", null, null), Scope.PRIVATE))
                .isInstanceOf(HostedZoneAnswers.NotMine.class);
        assertThat(resolver.answer(question, Scope.PUBLIC)).isInstanceOf(HostedZoneAnswers.NotMine.class);
    }

    private static RecordSet failover(String role, String id, String value, String healthCheckId) {
        return new RecordSet("f.example.com.", "A", id, 60L, List.of(value), null, null, null, null, role, null, healthCheckId);
    }

    private static RecordSet aliasFailover(String role, String target, String zoneId, boolean evaluate, String healthCheckId) {
        return new RecordSet("f.example.com.", "A", role.toLowerCase(), null, null, new RecordSet.Alias(zoneId, target, evaluate),
                null, null, null, role, null, healthCheckId);
    }

    private void verdict(String healthCheckId, boolean healthy) {
        store.write(ACCOUNT, tx -> {
            tx.put(HealthCheckStatusRecord.TABLE, healthCheckId, new HealthCheckStatusRecord(healthCheckId, List.of(), healthy, Instant.now(), null));
            return null;
        });
    }

    @Test
    void aPrimaryAliasEvaluatingItsLoadBalancerFailsOverWhileTheLoadBalancerHasNoHealthyTarget() {
        zone("Z1", "example.com.", false, List.of(aliasFailover("PRIMARY", "lb-1.ap-northeast-1.elb.localhost.", "Z14GRHDCWA56QT", true, null),
                failover("SECONDARY", "s", "10.1.0.2", null)));
        assertThat(data(ask("f.example.com", "A"))).containsExactly("127.0.0.1");
        loadBalancerHealthy.set(false);
        assertThat(data(ask("f.example.com", "A"))).as("asked on every query: no cache").containsExactly("10.1.0.2");
        loadBalancerHealthy.set(true);
        assertThat(data(ask("f.example.com", "A"))).containsExactly("127.0.0.1");
    }

    @Test
    void withoutEvaluateTargetHealthAnAliasIgnoresItsTargetsHealth() {
        zone("Z1", "example.com.", false, List.of(aliasFailover("PRIMARY", "lb-1.ap-northeast-1.elb.localhost.", "Z14GRHDCWA56QT", false, null),
                failover("SECONDARY", "s", "10.1.0.2", null)));
        loadBalancerHealthy.set(false);
        assertThat(data(ask("f.example.com", "A"))).containsExactly("127.0.0.1");
    }

    @Test
    void anAliasInTheZoneInheritsItsTargetsHealthThroughAliasesOfAliases() {
        zone("Z1", "example.com.", false, List.of(
                new RecordSet("www.example.com.", "A", null, 60L, List.of("192.0.2.1"), null, null, null, null, null, null, "hc-1"),
                new RecordSet("mid.example.com.", "A", null, null, null, new RecordSet.Alias("Z1", "www.example.com.", true),
                        null, null, null, null, null, null),
                aliasFailover("PRIMARY", "mid.example.com.", "Z1", true, null),
                failover("SECONDARY", "s", "10.1.0.2", null)));
        assertThat(data(ask("f.example.com", "A"))).containsExactly("192.0.2.1");
        verdict("hc-1", false);
        assertThat(data(ask("f.example.com", "A"))).containsExactly("10.1.0.2");
        verdict("hc-1", true);
        assertThat(data(ask("f.example.com", "A"))).containsExactly("192.0.2.1");
    }

    @Test
    void aWeightedTargetGroupIsHealthyWhileOneOfItsSetsIs() {
        zone("Z1", "example.com.", false, List.of(
                new RecordSet("w.example.com.", "A", "one", 60L, List.of("192.0.2.1"), null, 1L, null, null, null, null, "hc-1"),
                new RecordSet("w.example.com.", "A", "two", 60L, List.of("192.0.2.2"), null, 1L, null, null, null, null, "hc-2"),
                aliasFailover("PRIMARY", "w.example.com.", "Z1", true, null),
                failover("SECONDARY", "s", "10.1.0.2", null)));
        verdict("hc-1", false);
        assertThat(data(ask("f.example.com", "A"))).containsExactly("192.0.2.2");
        verdict("hc-2", false);
        assertThat(data(ask("f.example.com", "A"))).containsExactly("10.1.0.2");
    }

    @Test
    void anUnhealthySecondaryNeverReplacesThePrimary() {
        zone("Z1", "example.com.", false, List.of(failover("PRIMARY", "p", "10.1.0.1", "hc-1"), failover("SECONDARY", "s", "10.1.0.2", "hc-2")));
        verdict("hc-1", false);
        assertThat(data(ask("f.example.com", "A"))).containsExactly("10.1.0.2");
        verdict("hc-2", false);
        assertThat(data(ask("f.example.com", "A"))).containsExactly("10.1.0.1");
    }

    @Test
    void latencyAnswersTheNearestRegionWithAHealthySetWhenTheClientsHasNone() {
        List<RecordSet> sets = new ArrayList<>();
        for (String region : List.of("us-east-1", "eu-west-1", "ap-southeast-1")) {
            sets.add(new RecordSet("l.example.com.", "TXT", region, 60L, List.of("\"" + region + "\""), null, null, region, null, null, null,
                    "hc-" + region));
        }
        zone("Z1", "example.com.", false, sets);
        // Kumo's region here is ap-northeast-1 (Tokyo): Singapore, then Dublin, then Virginia
        assertThat(data(ask("l.example.com", "TXT"))).containsExactly("\"ap-southeast-1\"");
        verdict("hc-ap-southeast-1", false);
        assertThat(data(ask("l.example.com", "TXT"))).containsExactly("\"eu-west-1\"");
        verdict("hc-eu-west-1", false);
        assertThat(data(ask("l.example.com", "TXT"))).containsExactly("\"us-east-1\"");
        verdict("hc-us-east-1", false);
        assertThat(data(ask("l.example.com", "TXT"))).as("all unhealthy: as if all were healthy").containsExactly("\"ap-southeast-1\"");
    }
}
