package io.kumo.it.route53;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.kumo.it.route53.Route53Asserts.bare;
import static io.kumo.it.route53.Route53Asserts.message;
import static io.kumo.it.route53.Route53Asserts.refused;
import static io.kumo.it.route53.Route53Asserts.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** ChangeResourceRecordSets, ListResourceRecordSets and GetChange through the SDK. */
class RecordSetsApiTest {
    private static final KumoHarness KUMO = KumoHarness.shared();
    private static final Route53Client R53 = KUMO.route53();
    private String zone;
    private String zoneId;

    @BeforeEach
    void zone() {
        zone = unique("rr") + ".example";
        zoneId = R53.createHostedZone(r -> r.name(zone).callerReference(unique("ref"))).hostedZone().id();
    }

    private static Change change(String action, Consumer<ResourceRecordSet.Builder> set) {
        return Change.builder().action(action).resourceRecordSet(b -> set.accept(b)).build();
    }

    private static Consumer<ResourceRecordSet.Builder> simple(String name, String type, String... values) {
        return s -> s.name(name).type(type).ttl(300L).resourceRecords(java.util.Arrays.stream(values)
                .map(v -> ResourceRecord.builder().value(v).build()).toList());
    }

    private String submit(Change... changes) {
        return R53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.comment("test").changes(changes))).changeInfo().id();
    }

    @Test
    void everyRecordTypeIsStoredAndListedInAwsOrder() {
        submit(change("CREATE", simple(zone, "A", "192.0.2.10")),
                change("CREATE", simple(zone, "MX", "10 mail." + zone)),
                change("CREATE", simple(zone, "TXT", "\"v=spf1 -all\"", "\"google-site-verification=abc\"")),
                change("CREATE", simple(zone, "SPF", "\"v=spf1 -all\"")),
                change("CREATE", simple(zone, "CAA", "0 issue \"amazon.com\"")),
                change("CREATE", simple("www." + zone, "AAAA", "2001:db8::1")),
                change("CREATE", simple("blog." + zone, "CNAME", "www." + zone)),
                change("CREATE", simple("_sip._tcp." + zone, "SRV", "10 5 5060 sip." + zone)),
                change("CREATE", simple("10.2.0.192.in-addr." + zone, "PTR", "host." + zone)),
                change("CREATE", simple("sub." + zone, "NS", "ns1.elsewhere.org.")),
                change("CREATE", simple("sub." + zone, "DS", "12345 13 2 49FD46E6C4B45C55D4AC69CBD3CD34AC1AFE51DE8D5A9D3A1B0E3F1C2A4B6D8E")),
                change("CREATE", simple("sip." + zone, "NAPTR", "100 50 \"u\" \"E2U+sip\" \"!^.*$!sip:info@example.com!\" .")),
                change("CREATE", simple("*." + zone, "A", "192.0.2.99")));
        List<String> listed = R53.listResourceRecordSets(r -> r.hostedZoneId(zoneId)).resourceRecordSets().stream()
                .map(s -> s.name().replace(zone + ".", "@") + " " + s.typeAsString()).toList();
        assertThat(listed).containsExactly("@ A", "@ CAA", "@ MX", "@ NS", "@ SOA", "@ SPF", "@ TXT", "\\052.@ A",
                "_sip._tcp.@ SRV", "blog.@ CNAME", "10.2.0.192.in-addr.@ PTR", "sip.@ NAPTR", "sub.@ DS", "sub.@ NS", "www.@ AAAA");
        assertThat(R53.getHostedZone(r -> r.id(zoneId)).hostedZone().resourceRecordSetCount()).isEqualTo(15L);
    }

    @Test
    void aBadBatchIsRefusedWholeWithAwsMessages() {
        submit(change("CREATE", simple("www." + zone, "A", "192.0.2.1")));
        var e = refused(() -> submit(change("CREATE", simple("new." + zone, "A", "192.0.2.2")),
                change("CREATE", simple("www." + zone, "A", "192.0.2.3"))), "InvalidChangeBatch", 400);
        assertThat(message(e)).isEqualTo("[Tried to create resource record set [name='www." + zone + ".', type='A'] but it already exists]");
        assertThat(R53.listResourceRecordSets(r -> r.hostedZoneId(zoneId)).resourceRecordSets()).noneMatch(s -> s.name().startsWith("new."));

        e = refused(() -> submit(change("CREATE", simple("www." + zone, "CNAME", "x.example.org"))), "InvalidChangeBatch", 400);
        assertThat(message(e)).contains("is not permitted as it conflicts with other records with the same DNS name in zone " + zone + ".");
        e = refused(() -> submit(change("CREATE", simple("bad." + zone, "A", "1.2.3"))), "InvalidChangeBatch", 400);
        assertThat(message(e)).contains("ARRDATAIllegalIPv4Address");
        e = refused(() -> submit(change("CREATE", s -> s.name("x." + zone).type("A").resourceRecords(v -> v.value("192.0.2.1")))), "InvalidInput", 400);
        assertThat(message(e)).contains("Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords]");
        refused(() -> R53.changeResourceRecordSets(r -> r.hostedZoneId("ZNOPE").changeBatch(b -> b.changes(change("CREATE",
                simple("a.nope.", "A", "192.0.2.1"))))), "NoSuchHostedZone", 404);
    }

    @Test
    void changesArePendingThenInSync() throws InterruptedException {
        String id = submit(change("UPSERT", simple("www." + zone, "A", "192.0.2.1")));
        assertThat(id).matches("(/change/)?C[A-Z0-9]{20}"); // the SDK strips the prefix the wire carries
        assertThat(R53.getChange(r -> r.id(id)).changeInfo().statusAsString()).isEqualTo("PENDING");
        long deadline = System.currentTimeMillis() + 3000;
        while (!R53.getChange(r -> r.id(id)).changeInfo().statusAsString().equals("INSYNC")) {
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(R53.getChange(r -> r.id(id)).changeInfo().comment()).isEqualTo("test");
        refused(() -> R53.getChange(r -> r.id("CNOSUCHCHANGE")), "NoSuchChange", 404);
    }

    @Test
    void listingPagesByNameTypeAndIdentifier() {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            changes.add(change("CREATE", s -> s.name("w." + zone).type("A").ttl(60L).setIdentifier("id-" + n).weight((long) n)
                    .resourceRecords(v -> v.value("192.0.2." + (n + 1)))));
        }
        submit(changes.toArray(Change[]::new));
        List<String> seen = new ArrayList<>();
        var page = R53.listResourceRecordSets(r -> r.hostedZoneId(zoneId).maxItems("3"));
        page.resourceRecordSets().forEach(s -> seen.add(s.typeAsString() + " " + s.setIdentifier()));
        while (page.isTruncated()) {
            var p = page;
            page = R53.listResourceRecordSets(r -> r.hostedZoneId(zoneId).maxItems("3").startRecordName(p.nextRecordName())
                    .startRecordType(p.nextRecordTypeAsString()).startRecordIdentifier(p.nextRecordIdentifier()));
            page.resourceRecordSets().forEach(s -> seen.add(s.typeAsString() + " " + s.setIdentifier()));
        }
        assertThat(seen).containsExactly("NS null", "SOA null", "A id-0", "A id-1", "A id-2", "A id-3", "A id-4");
        assertThat(R53.listResourceRecordSets(r -> r.hostedZoneId(zoneId).startRecordName("w." + zone).startRecordType("A"))
                .resourceRecordSets()).hasSize(5);
        refused(() -> R53.listResourceRecordSets(r -> r.hostedZoneId(zoneId).startRecordType("A")), "InvalidInput", 400);
        var weighted = R53.listResourceRecordSets(r -> r.hostedZoneId(zoneId).startRecordName("w." + zone)).resourceRecordSets();
        assertThat(weighted.getFirst().weight()).isZero();
    }

    @Test
    void routingPoliciesAndHealthChecks() {
        String check = R53.createHealthCheck(r -> r.callerReference(unique("hc")).healthCheckConfig(c -> c.type("HTTP")
                .ipAddress("10.0.0.5").port(80).resourcePath("/health"))).healthCheck().id();
        submit(change("CREATE", s -> s.name("app." + zone).type("A").ttl(60L).setIdentifier("primary").failover("PRIMARY")
                        .healthCheckId(check).resourceRecords(v -> v.value("192.0.2.1"))),
                change("CREATE", s -> s.name("app." + zone).type("A").ttl(60L).setIdentifier("secondary").failover("SECONDARY")
                        .resourceRecords(v -> v.value("192.0.2.2"))),
                change("CREATE", s -> s.name("geo." + zone).type("A").ttl(60L).setIdentifier("default")
                        .geoLocation(g -> g.countryCode("*")).resourceRecords(v -> v.value("192.0.2.3"))),
                change("CREATE", s -> s.name("geo." + zone).type("A").ttl(60L).setIdentifier("japan")
                        .geoLocation(g -> g.countryCode("JP")).resourceRecords(v -> v.value("192.0.2.4"))),
                change("CREATE", s -> s.name("lat." + zone).type("A").ttl(60L).setIdentifier("tokyo")
                        .region("ap-northeast-1").resourceRecords(v -> v.value("192.0.2.5"))),
                change("CREATE", s -> s.name("mv." + zone).type("A").ttl(60L).setIdentifier("one")
                        .multiValueAnswer(true).resourceRecords(v -> v.value("192.0.2.6"))));
        var app = R53.listResourceRecordSets(r -> r.hostedZoneId(zoneId).startRecordName("app." + zone)).resourceRecordSets().getFirst();
        assertThat(app.failoverAsString()).isEqualTo("PRIMARY");
        assertThat(app.healthCheckId()).isEqualTo(check);
        refused(() -> submit(change("CREATE", s -> s.name("x." + zone).type("A").ttl(60L).setIdentifier("p").failover("PRIMARY")
                .healthCheckId("00000000-0000-0000-0000-000000000000").resourceRecords(v -> v.value("192.0.2.1")))), "NoSuchHealthCheck", 404);
        var mixed = refused(() -> submit(change("CREATE", simple("app." + zone, "A", "192.0.2.9"))), "InvalidChangeBatch", 400);
        assertThat(message(mixed)).contains("cannot be created as other RRSets exist with the same name and type.");
    }

    @Test
    void aliasesToRecordsInTheZoneAndToLoadBalancers() {
        var missing = refused(() -> submit(change("CREATE", s -> s.name("alias." + zone).type("A")
                .aliasTarget(t -> t.hostedZoneId(bare(zoneId)).dnsName("www." + zone).evaluateTargetHealth(false)))), "InvalidChangeBatch", 400);
        assertThat(message(missing)).isEqualTo("[Tried to create an alias that targets www." + zone + "., type A in zone " + bare(zoneId)
                + ", but that target was not found]");
        submit(change("CREATE", simple("www." + zone, "A", "192.0.2.1")),
                change("CREATE", s -> s.name("alias." + zone).type("A")
                        .aliasTarget(t -> t.hostedZoneId(bare(zoneId)).dnsName("www." + zone).evaluateTargetHealth(false))));

        LoadBalancer lb = loadBalancer();
        var outside = refused(() -> submit(change("CREATE", s -> s.name(zone).type("A")
                .aliasTarget(t -> t.hostedZoneId("Z35SXDOTRQ7X7K").dnsName(lb.dnsName()).evaluateTargetHealth(true)))), "InvalidChangeBatch", 400);
        assertThat(message(outside)).contains("does not lie within the target zone");
        refused(() -> submit(change("CREATE", s -> s.name(zone).type("A").aliasTarget(t -> t.hostedZoneId(lb.canonicalHostedZoneId())
                .dnsName("gone-123.ap-northeast-1.elb.localhost").evaluateTargetHealth(true)))), "InvalidChangeBatch", 400);
        Change toBalancer = change("CREATE", s -> s.name(zone).type("A").aliasTarget(t -> t.hostedZoneId(lb.canonicalHostedZoneId())
                .dnsName("dualstack." + lb.dnsName()).evaluateTargetHealth(true)));
        long deadline = System.currentTimeMillis() + 5000;
        while (true) { // the ELB service publishes an active load balancer's name on its next pass
            try {
                submit(toBalancer);
                break;
            } catch (software.amazon.awssdk.services.route53.model.InvalidChangeBatchException e) {
                assertThat(System.currentTimeMillis()).as(message(e)).isLessThan(deadline);
                sleep(100);
            }
        }
        var apex = R53.listResourceRecordSets(r -> r.hostedZoneId(zoneId)).resourceRecordSets().getFirst();
        assertThat(apex.aliasTarget().dnsName()).isEqualTo("dualstack." + lb.dnsName().toLowerCase() + ".");
        assertThat(apex.aliasTarget().evaluateTargetHealth()).isTrue();
        assertThat(apex.ttl()).isNull();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An active application load balancer; its name is published once it is active. */
    private static LoadBalancer loadBalancer() {
        Ec2Client ec2 = KUMO.ec2();
        ElasticLoadBalancingV2Client elb = KUMO.elbv2();
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.90.0.0/16")).vpc().vpcId();
        String igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        String a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.90.1.0/24").availabilityZone("ap-northeast-1a")).subnet().subnetId();
        String c = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.90.2.0/24").availabilityZone("ap-northeast-1c")).subnet().subnetId();
        LoadBalancer lb = elb.createLoadBalancer(r -> r.name(unique("alb")).subnets(a, c)).loadBalancers().getFirst();
        elb.waiter().waitUntilLoadBalancerAvailable(r -> r.loadBalancerArns(lb.loadBalancerArn()), w -> w
                .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(100))).maxAttempts(100));
        return lb;
    }
}
