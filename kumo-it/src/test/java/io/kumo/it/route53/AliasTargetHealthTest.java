package io.kumo.it.route53;

import io.kumo.fabric.host.Isolation;
import io.kumo.it.KumoHarness;
import io.kumo.it.ec2.PublicVpc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Route 53's EvaluateTargetHealth on a real load balancer: a failover PRIMARY alias to an ALB whose only target is a
 * real instance's web server, checked by the ALB's real health checks. When the checks fail, the host's DNS server
 * answers the SECONDARY; when they pass again, the PRIMARY. Also: the host listener answers the instance's public name.
 */
class AliasTargetHealthTest {
    private static final KumoHarness KUMO = KumoHarness.shared();
    private static final Ec2Client EC2 = KUMO.ec2();
    private static final ElasticLoadBalancingV2Client ELB = KUMO.elbv2();
    private static final Route53Client R53 = KUMO.route53();
    private static final Consumer<WaiterOverrideConfiguration.Builder> FAST = w -> w
            .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(200))).maxAttempts(300);
    /** Health checks every 5 s, two in a row decide: a verdict flips in about 10 s; 45 s leaves room on a loaded machine. */
    private static final Duration FLIP = Duration.ofSeconds(45);
    /** A web server answering 200 on every path, as a service so it is up whenever the instance is. */
    private static final String SERVER = """
            #!/bin/bash
            cat > /etc/init.d/web <<'EOF'
            #!/bin/sh
            case "$1" in
              start) mkdir -p /srv/www && cd /srv/www && nohup python3 -m http.server 80 >/var/log/web.log 2>&1 & ;;
              stop) pkill -f "http.server 80" ;;
            esac
            EOF
            chmod +x /etc/init.d/web
            systemctl enable --now web
            """;
    private static int dnsPort;
    private static LoadBalancer lb;
    private static String group;
    private static Instance instance;

    @BeforeAll
    static void site() throws Exception {
        Isolation isolation = Isolation.probe();
        assumeTrue(isolation.available(), "sandboxes cannot run here: " + isolation.reason());
        dnsPort = dnsPort();
        PublicVpc network = PublicVpc.create(EC2, "10.62");
        String vpc = network.vpcId();
        EC2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(v -> v.value(true))); // else instances get no public DNS name
        String a = network.subnetA();
        String c = network.subnetC();
        String elbSg = EC2.createSecurityGroup(r -> r.vpcId(vpc).groupName("eth-elb").description("elb")).groupId();
        EC2.authorizeSecurityGroupIngress(r -> r.groupId(elbSg).ipProtocol("tcp").fromPort(80).toPort(80).cidrIp("0.0.0.0/0"));
        String webSg = EC2.createSecurityGroup(r -> r.vpcId(vpc).groupName("eth-web").description("web")).groupId();
        EC2.authorizeSecurityGroupIngress(r -> r.groupId(webSg).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(80).toPort(80)
                .userIdGroupPairs(UserIdGroupPair.builder().groupId(elbSg).build()).build()));
        String image = EC2.describeImages(r -> r.owners("amazon").filters(f -> f.name("name").values("debian-12-amd64-*")))
                .images().getFirst().imageId();
        String id = EC2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1).subnetId(a)
                .securityGroupIds(webSg).userData(Base64.getEncoder().encodeToString(SERVER.getBytes(StandardCharsets.UTF_8))))
                .instances().getFirst().instanceId();
        group = ELB.createTargetGroup(r -> r.name("eth-targets").protocol("HTTP").port(80).vpcId(vpc).healthCheckPath("/")
                .healthCheckIntervalSeconds(5).healthCheckTimeoutSeconds(2).healthyThresholdCount(2).unhealthyThresholdCount(2))
                .targetGroups().getFirst().targetGroupArn();
        lb = ELB.createLoadBalancer(r -> r.name("eth-alb").subnets(a, c).securityGroups(elbSg)).loadBalancers().getFirst();
        ELB.createListener(r -> r.loadBalancerArn(lb.loadBalancerArn()).protocol("HTTP").port(80)
                .defaultActions(d -> d.type("forward").targetGroupArn(group)));
        EC2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(id), FAST);
        ELB.registerTargets(r -> r.targetGroupArn(group).targets(t -> t.id(id)));
        ELB.waiter().waitUntilLoadBalancerAvailable(r -> r.loadBalancerArns(lb.loadBalancerArn()), FAST);
        ELB.waiter().waitUntilTargetInService(r -> r.targetGroupArn(group), FAST);
        instance = EC2.describeInstances(r -> r.instanceIds(id)).reservations().getFirst().instances().getFirst();
    }

    private static int dnsPort() throws Exception {
        String health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(KUMO.endpoint().resolve("/_kumo/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"dns\"\\s*:\\s*\\{[^}]*\"port\"\\s*:\\s*(\\d+)").matcher(health);
        assertThat(m.find()).as("dns port in %s", health).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static List<String> ask(String name) throws Exception {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", dnsPort));
        resolver.setTimeout(Duration.ofSeconds(3));
        Message m = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), Type.A, DClass.IN)));
        return m.getSection(Section.ANSWER).stream().map(Record::rdataToString).toList();
    }

    private static void change(String zoneId, Consumer<ResourceRecordSet.Builder> set) {
        R53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(
                Change.builder().action("CREATE").resourceRecordSet(s -> set.accept(s)).build())));
    }

    private static String targetState() {
        return ELB.describeTargetHealth(r -> r.targetGroupArn(group)).targetHealthDescriptions().getFirst().targetHealth().stateAsString();
    }

    /** The ALB's health check expects this code: 201 fails against the web server's 200, a real failed check. */
    private static void expectCode(String code) {
        ELB.modifyTargetGroup(r -> r.targetGroupArn(group).matcher(m -> m.httpCode(code)));
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitFor(String what, Condition condition) throws Exception {
        long until = System.nanoTime() + FLIP.toNanos();
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("%s within %s", what, FLIP).isLessThan(until);
            Thread.sleep(200);
        }
    }

    @Test
    void aPrimaryAliasEvaluatingTheLoadBalancerFailsOverWhileItsOnlyTargetIsUnhealthyAndBack() throws Exception {
        String zone = "eth" + UUID.randomUUID().toString().substring(0, 8) + ".example.com.";
        String zoneId = R53.createHostedZone(r -> r.name(zone).callerReference(UUID.randomUUID().toString())).hostedZone().id();
        for (String name : List.of("evaluated.", "ignored.")) {
            boolean evaluate = name.equals("evaluated.");
            change(zoneId, s -> s.name(name + zone).type("A").setIdentifier("primary").failover("PRIMARY")
                    .aliasTarget(t -> t.hostedZoneId(lb.canonicalHostedZoneId()).dnsName(lb.dnsName()).evaluateTargetHealth(evaluate)));
            change(zoneId, s -> s.name(name + zone).type("A").ttl(60L).setIdentifier("secondary").failover("SECONDARY")
                    .resourceRecords(ResourceRecord.builder().value("192.0.2.2").build()));
        }
        assertThat(ask("evaluated." + zone)).as("the front door, for the host").containsExactly("127.0.0.1");
        try {
            expectCode("201");
            waitFor("the target unhealthy", () -> targetState().equals("unhealthy"));
            waitFor("the SECONDARY answering", () -> ask("evaluated." + zone).equals(List.of("192.0.2.2")));
            assertThat(ask("ignored." + zone)).as("EvaluateTargetHealth false: the load balancer counts as healthy").containsExactly("127.0.0.1");
        } finally {
            expectCode("200");
        }
        waitFor("the PRIMARY answering again", () -> ask("evaluated." + zone).equals(List.of("127.0.0.1")));
        assertThat(targetState()).isEqualTo("healthy");
    }

    @Test
    void theHostListenerAnswersTheInstancesPublicName() throws Exception {
        assertThat(instance.publicIpAddress()).startsWith("127.");
        assertThat(instance.publicDnsName()).endsWith(".compute.amazonaws.com");
        waitFor("the public name served", () -> ask(instance.publicDnsName() + ".").equals(List.of(instance.publicIpAddress())));
    }
}
