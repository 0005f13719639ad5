package io.kumo.it.dns;

import io.kumo.fabric.host.Isolation;
import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Hosted zones inside a VPC, through the resolver at base + 2 as an instance asks it, and load balancer aliases on
 * both listeners: a private zone answers its VPC only, and an alias to a load balancer answers the VPC's node
 * addresses inside and the loopback (the front door) on the host. Skipped where sandboxes cannot run.
 */
class VpcDnsTest {
    private static final KumoHarness KUMO = KumoHarness.shared();
    private static final Ec2Client EC2 = KUMO.ec2();
    private static final Route53Client R53 = KUMO.route53();
    private static final ElasticLoadBalancingV2Client ELB = KUMO.elbv2();
    private static final Consumer<WaiterOverrideConfiguration.Builder> FAST = w -> w
            .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(100))).maxAttempts(300);
    private static final List<String> INSTANCES = new ArrayList<>();
    private static String vpc;
    private static String subnet;
    private static String lbName;
    private static String publicZone;
    private static int dnsPort;

    @BeforeAll
    static void network() throws Exception {
        Isolation isolation = Isolation.probe();
        assumeTrue(isolation.available(), "sandboxes cannot run here: " + isolation.reason());
        assumeTrue(new java.io.File("/usr/bin/dig").canExecute(), "dig (dnsutils) is not installed");
        String health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(KUMO.endpoint().resolve("/_kumo/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"dns\"\\s*:\\s*\\{[^}]*\"port\"\\s*:\\s*(\\d+)").matcher(health);
        assertThat(m.find()).isTrue();
        dnsPort = Integer.parseInt(m.group(1));
        vpc = EC2.createVpc(r -> r.cidrBlock("10.71.0.0/16")).vpc().vpcId();
        String igw = EC2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        EC2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        String table = EC2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        EC2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        subnet = subnet(table, "10.71.0.0/24", "ap-northeast-1a");
        String other = subnet(table, "10.71.1.0/24", "ap-northeast-1c");
        var lb = ELB.createLoadBalancer(r -> r.name("dns-lb").subnets(subnet, other)).loadBalancers().getFirst();
        lbName = lb.dnsName();
        ELB.waiter().waitUntilLoadBalancerAvailable(r -> r.loadBalancerArns(lb.loadBalancerArn()), FAST);

        R53.createHostedZone(r -> r.name("corp.internal").callerReference(UUID.randomUUID().toString())
                .vpc(v -> v.vpcRegion("ap-northeast-1").vpcId(vpc)).hostedZoneConfig(c -> c.privateZone(true)));
        String privateId = R53.listHostedZonesByName(r -> r.dnsName("corp.internal")).hostedZones().getFirst().id();
        change(privateId, s -> s.name("db.corp.internal").type("A").ttl(60L).resourceRecords(ResourceRecord.builder().value("10.71.9.9").build()));
        publicZone = "pub" + UUID.randomUUID().toString().substring(0, 6) + ".example.";
        String publicId = R53.createHostedZone(r -> r.name(publicZone).callerReference(UUID.randomUUID().toString())).hostedZone().id();
        change(publicId, s -> s.name("www." + publicZone).type("A").ttl(60L).resourceRecords(ResourceRecord.builder().value("192.0.2.5").build()));
        change(publicId, s -> s.name("lb." + publicZone).type("A").aliasTarget(a -> a.hostedZoneId(lb.canonicalHostedZoneId())
                .dnsName(lbName).evaluateTargetHealth(false)));
    }

    private static String subnet(String table, String cidr, String az) {
        String id = EC2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr).availabilityZone(az)).subnet().subnetId();
        EC2.associateRouteTable(r -> r.routeTableId(table).subnetId(id));
        return id;
    }

    private static void change(String zoneId, Consumer<ResourceRecordSet.Builder> set) {
        R53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(
                Change.builder().action("CREATE").resourceRecordSet(s -> set.accept(s)).build())));
    }

    private static String dig(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("dig", "@127.0.0.1", "-p", String.valueOf(dnsPort), "+time=3", "+tries=1"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void theHostSeesPublicZonesAndTheFrontDoorButNoPrivateZone() throws Exception {
        assertThat(dig("lb." + publicZone, "+short").trim()).isEqualTo("127.0.0.1");
        assertThat(dig(lbName)).contains("flags: qr aa").contains("127.0.0.1");
        assertThat(dig("db.corp.internal")).contains("status: REFUSED");
    }

    @Test
    void anInstanceSeesItsPrivateZoneThenPublicZonesAndTheLoadBalancersNodes() {
        String image = EC2.describeImages(r -> r.owners("amazon").filters(f -> f.name("name").values("debian-12-amd64-*")))
                .images().getFirst().imageId();
        String script = "#!/bin/bash\nfor n in db.corp.internal www." + publicZone + " lb." + publicZone + "; do\n"
                + "  echo \"dns $n=$(getent ahostsv4 $n | cut -d' ' -f1 | sort -u | tr '\\n' ,)\"\ndone\necho dns-done\n";
        String id = EC2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1).subnetId(subnet)
                .userData(Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8)))).instances().getFirst().instanceId();
        INSTANCES.add(id);
        EC2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(id), FAST);
        String console = "";
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (!console.contains("dns-done") && System.nanoTime() < until) {
            String b64 = EC2.getConsoleOutput(r -> r.instanceId(id)).output();
            console = b64 == null ? "" : new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
            sleep();
        }
        assertThat(console).contains("dns db.corp.internal=10.71.9.9,", "dns www." + publicZone + "=192.0.2.5,")
                .containsPattern("dns lb\\." + Pattern.quote(publicZone) + "=10\\.71\\.[01]\\.\\d+,");
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterAll
    static void terminate() {
        if (!INSTANCES.isEmpty()) {
            EC2.terminateInstances(r -> r.instanceIds(INSTANCES));
            EC2.waiter().waitUntilInstanceTerminated(r -> r.instanceIds(INSTANCES), FAST);
        }
    }
}
