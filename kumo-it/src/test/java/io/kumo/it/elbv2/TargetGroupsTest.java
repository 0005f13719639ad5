package io.kumo.it.elbv2;

import io.kumo.it.KumoHarness;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Matcher;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealth;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Target groups over the wire with the SDK, against real EC2 instances of a real VPC: creating,
 * describing, modifying and deleting groups, their attributes, registering and draining targets,
 * the states DescribeTargetHealth derives, AWS's error codes, pagination and the waiters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TargetGroupsTest {
    private static final Consumer<WaiterOverrideConfiguration.Builder> FAST = w -> w
            .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(200))).maxAttempts(50);

    private final KumoHarness kumo = KumoHarness.shared();
    private final Ec2Client ec2 = kumo.ec2();
    private final ElasticLoadBalancingV2Client elb = kumo.elbv2();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private String vpc;
    private String subnet1a;
    private String subnet1c;
    private String web1a;
    private String web1c;
    private String stopped;

    @BeforeAll
    void network() {
        vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        subnet1a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("ap-northeast-1a")).subnet().subnetId();
        subnet1c = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.2.0/24").availabilityZone("ap-northeast-1c")).subnet().subnetId();
        web1a = launch(subnet1a);
        web1c = launch(subnet1c);
        stopped = launch(subnet1a);
        ec2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(web1a, web1c, stopped), FAST.andThen(w -> w.maxAttempts(300)));
        ec2.stopInstances(r -> r.instanceIds(stopped));
        ec2.waiter().waitUntilInstanceStopped(r -> r.instanceIds(stopped), FAST.andThen(w -> w.maxAttempts(300)));
    }

    @AfterAll
    void cleanUp() {
        ec2.terminateInstances(r -> r.instanceIds(web1a, web1c, stopped));
    }

    private String launch(String subnet) {
        String image = ec2.describeImages(r -> r.owners("amazon").filters(Filter.builder().name("architecture").values("x86_64").build()))
                .images().getFirst().imageId();
        Instance instance = ec2.runInstances(r -> r.imageId(image).instanceType("t2.micro").minCount(1).maxCount(1).subnetId(subnet))
                .instances().getFirst();
        return instance.instanceId();
    }

    private String name(String base) {
        return base + "-" + run;
    }

    private TargetGroup create(String base, Consumer<CreateTargetGroupRequest.Builder> extra) {
        return elb.createTargetGroup(r -> {
            r.name(name(base)).protocol("HTTP").port(80).vpcId(vpc);
            extra.accept(r);
        }).targetGroups().getFirst();
    }

    private static ElasticLoadBalancingV2Exception fails(String code, ThrowableAssert.ThrowingCallable call) {
        ElasticLoadBalancingV2Exception e = catchThrowableOfType(ElasticLoadBalancingV2Exception.class, call);
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(400);
        return e;
    }

    private static TargetDescription target(String id) {
        return TargetDescription.builder().id(id).build();
    }

    private List<TargetHealthDescription> health(String group, TargetDescription... targets) {
        return elb.describeTargetHealth(r -> {
            r.targetGroupArn(group);
            if (targets.length > 0) {
                r.targets(targets);
            }
        }).targetHealthDescriptions();
    }

    private static String stateOf(TargetHealth h) {
        return h.stateAsString() + "/" + h.reasonAsString();
    }

    @Test
    void createDescribeModifyAndDelete() {
        TargetGroup created = create("web", r -> r.healthCheckPath("/health").matcher(Matcher.builder().httpCode("200-299").build())
                .tags(Tag.builder().key("role").value("web").build()));
        assertThat(created.targetGroupArn()).matches("arn:aws:elasticloadbalancing:ap-northeast-1:000000000000:targetgroup/" + name("web")
                + "/[0-9a-f]{16}");
        assertThat(created.healthCheckProtocolAsString()).isEqualTo("HTTP");
        assertThat(created.healthCheckPort()).isEqualTo("traffic-port");
        assertThat(created.healthCheckIntervalSeconds()).isEqualTo(30);
        assertThat(created.healthCheckTimeoutSeconds()).isEqualTo(5);
        assertThat(created.healthyThresholdCount()).isEqualTo(5);
        assertThat(created.unhealthyThresholdCount()).isEqualTo(2);
        assertThat(created.matcher().httpCode()).isEqualTo("200-299");
        assertThat(created.targetTypeAsString()).isEqualTo("instance");

        assertThat(create("web", r -> r.healthCheckPath("/health").matcher(Matcher.builder().httpCode("200-299").build())).targetGroupArn())
                .as("same name, same settings").isEqualTo(created.targetGroupArn());
        fails("DuplicateTargetGroupName", () -> create("web", r -> r.port(8080)));

        TargetGroup described = elb.describeTargetGroups(r -> r.names(name("web"))).targetGroups().getFirst();
        assertThat(described).isEqualTo(created);

        TargetGroup modified = elb.modifyTargetGroup(r -> r.targetGroupArn(created.targetGroupArn()).healthCheckIntervalSeconds(10)
                .healthCheckTimeoutSeconds(4).healthyThresholdCount(3)).targetGroups().getFirst();
        assertThat(modified.healthCheckIntervalSeconds()).isEqualTo(10);
        assertThat(modified.healthCheckTimeoutSeconds()).isEqualTo(4);
        assertThat(modified.healthyThresholdCount()).isEqualTo(3);
        assertThat(modified.healthCheckPath()).isEqualTo("/health");

        elb.deleteTargetGroup(r -> r.targetGroupArn(created.targetGroupArn()));
        fails("TargetGroupNotFound", () -> elb.describeTargetGroups(r -> r.targetGroupArns(created.targetGroupArn())));
        elb.deleteTargetGroup(r -> r.targetGroupArn(created.targetGroupArn()));
    }

    @Test
    void errorsAsAwsGivesThem() {
        var vpcMissing = fails("ValidationError", () -> create("novpc", r -> r.vpcId("vpc-0123456789abcdef0")));
        assertThat(vpcMissing.awsErrorDetails().errorMessage()).isEqualTo("The VPC ID 'vpc-0123456789abcdef0' is not found");
        fails("ValidationError", () -> create("tcp", r -> r.protocol("TCP")));
        fails("ValidationError", () -> create("lambda", r -> r.targetType("lambda")));
        fails("ValidationError", () -> elb.createTargetGroup(r -> r.name("ends-with-").protocol("HTTP").port(80).vpcId(vpc)));
        var interval = fails("ValidationError", () -> create("timing", r -> r.healthCheckIntervalSeconds(5).healthCheckTimeoutSeconds(5)));
        assertThat(interval.awsErrorDetails().errorMessage()).isEqualTo("Health check interval must be greater than the timeout.");
        fails("ValidationError", () -> create("range", r -> r.healthCheckIntervalSeconds(301)));
        fails("ValidationError", () -> create("codes", r -> r.matcher(Matcher.builder().httpCode("500").build())));
        fails("TargetGroupNotFound", () -> elb.describeTargetGroups(r -> r.names(name("nothing"))));
        fails("LoadBalancerNotFound", () -> elb.describeTargetGroups(r -> r.loadBalancerArn(
                "arn:aws:elasticloadbalancing:ap-northeast-1:000000000000:loadbalancer/app/none/0123456789abcdef")));
        fails("TargetGroupNotFound", () -> elb.describeTargetGroupAttributes(r -> r.targetGroupArn(
                "arn:aws:elasticloadbalancing:ap-northeast-1:000000000000:targetgroup/none/0123456789abcdef")));
    }

    @Test
    void attributesHaveDefaultsAndRefuseWhatIsWrong() {
        String group = create("attrs", r -> { }).targetGroupArn();
        Map<String, String> attributes = elb.describeTargetGroupAttributes(r -> r.targetGroupArn(group)).attributes().stream()
                .collect(Collectors.toMap(TargetGroupAttribute::key, TargetGroupAttribute::value));
        assertThat(attributes).containsEntry("deregistration_delay.timeout_seconds", "300").containsEntry("stickiness.enabled", "false")
                .containsEntry("stickiness.type", "lb_cookie").containsEntry("stickiness.lb_cookie.duration_seconds", "86400")
                .containsEntry("load_balancing.algorithm.type", "round_robin").containsEntry("slow_start.duration_seconds", "0");

        var after = elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(group).attributes(
                TargetGroupAttribute.builder().key("stickiness.enabled").value("true").build(),
                TargetGroupAttribute.builder().key("load_balancing.algorithm.type").value("least_outstanding_requests").build())).attributes();
        assertThat(after).contains(TargetGroupAttribute.builder().key("stickiness.enabled").value("true").build());

        fails("ValidationError", () -> elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(group).attributes(
                TargetGroupAttribute.builder().key("no.such.attribute").value("1").build())));
        fails("ValidationError", () -> elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(group).attributes(
                TargetGroupAttribute.builder().key("deregistration_delay.timeout_seconds").value("3601").build())));
        fails("ValidationError", () -> elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(group).attributes(
                TargetGroupAttribute.builder().key("slow_start.duration_seconds").value("10").build())));
        assertThat(elb.describeTargetGroupAttributes(r -> r.targetGroupArn(group)).attributes())
                .contains(TargetGroupAttribute.builder().key("load_balancing.algorithm.type").value("least_outstanding_requests").build());
    }

    @Test
    void pagesWithMarkers() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            names.add(create("page-" + n, r -> { }).targetGroupName());
        }
        List<String> seen = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            DescribeTargetGroupsResponse page = elb.describeTargetGroups(r -> r.names(names).pageSize(2).marker(from));
            assertThat(page.targetGroups()).hasSizeLessThanOrEqualTo(2);
            page.targetGroups().forEach(g -> seen.add(g.targetGroupName()));
            marker = page.nextMarker();
        } while (marker != null);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(names);
        assertThat(elb.describeTargetGroupsPaginator(r -> r.names(names).pageSize(2)).targetGroups()).hasSize(5);
    }

    @Test
    void registersRealInstancesAndReportsUnusedThenDraining() {
        String group = create("targets", r -> { }).targetGroupArn();
        elb.registerTargets(r -> r.targetGroupArn(group).targets(target(web1a), TargetDescription.builder().id(web1c).port(8080).build()));
        elb.registerTargets(r -> r.targetGroupArn(group).targets(target(web1a)));

        List<TargetHealthDescription> all = health(group);
        assertThat(all).extracting(d -> d.target().id() + ":" + d.target().port()).containsExactly(web1a + ":80", web1c + ":8080");
        assertThat(all).allSatisfy(d -> {
            assertThat(stateOf(d.targetHealth())).isEqualTo("unused/Target.NotInUse");
            assertThat(d.targetHealth().description()).isEqualTo("Target group is not configured to receive traffic from the load balancer");
        });
        assertThat(all.get(1).healthCheckPort()).isEqualTo("8080");

        var notRunning = fails("InvalidTarget", () -> elb.registerTargets(r -> r.targetGroupArn(group).targets(target(stopped))));
        assertThat(notRunning.awsErrorDetails().errorMessage())
                .isEqualTo("The following targets are not in a running state and cannot be registered: '" + stopped + "'");
        fails("InvalidTarget", () -> elb.registerTargets(r -> r.targetGroupArn(group).targets(target("i-0123456789abcdef0"))));
        fails("ValidationError", () -> elb.registerTargets(r -> r.targetGroupArn(group).targets(target("10.0.1.9"))));
        assertThat(stateOf(health(group, target(stopped)).getFirst().targetHealth())).isEqualTo("unused/Target.NotRegistered");

        elb.deregisterTargets(r -> r.targetGroupArn(group).targets(target(web1a)));
        TargetHealth draining = health(group, target(web1a)).getFirst().targetHealth();
        assertThat(stateOf(draining)).isEqualTo("draining/Target.DeregistrationInProgress");
        assertThat(draining.description()).isEqualTo("Target deregistration is in progress");
    }

    @Test
    void drainedTargetsLeaveAfterTheDelayAndTheWaiterSeesThem() {
        String group = create("drain", r -> { }).targetGroupArn();
        elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(group).attributes(
                TargetGroupAttribute.builder().key("deregistration_delay.timeout_seconds").value("1").build()));
        elb.registerTargets(r -> r.targetGroupArn(group).targets(target(web1a), target(web1c)));
        elb.deregisterTargets(r -> r.targetGroupArn(group).targets(target(web1a)));

        elb.waiter().waitUntilTargetDeregistered(r -> r.targetGroupArn(group).targets(target(web1a)), FAST).matched().response().orElseThrow();
        assertThat(health(group)).extracting(d -> d.target().id()).containsExactly(web1c);
    }

    @Test
    void ipTargetsInTheVpc() {
        String group = create("ips", r -> r.targetType("ip").port(8080)).targetGroupArn();
        elb.registerTargets(r -> r.targetGroupArn(group).targets(target("10.0.1.20"),
                TargetDescription.builder().id("192.168.7.7").availabilityZone("all").build()));
        assertThat(health(group)).extracting(d -> d.target().id() + "@" + d.target().availabilityZone())
                .containsExactly("10.0.1.20@null", "192.168.7.7@all");
        fails("InvalidTarget", () -> elb.registerTargets(r -> r.targetGroupArn(group).targets(target("8.8.8.8"))));
    }

    @Test
    void stoppedTargetsAreUnusedWithInvalidState() {
        String instance = launch(subnet1a);
        ec2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(instance), FAST.andThen(w -> w.maxAttempts(300)));
        String group = create("stops", r -> { }).targetGroupArn();
        elb.registerTargets(r -> r.targetGroupArn(group).targets(target(instance)));
        ec2.stopInstances(r -> r.instanceIds(instance));
        ec2.waiter().waitUntilInstanceStopped(r -> r.instanceIds(instance), FAST.andThen(w -> w.maxAttempts(300)));
        TargetHealth health = health(group).getFirst().targetHealth();
        assertThat(stateOf(health)).isEqualTo("unused/Target.InvalidState");
        assertThat(health.description()).isEqualTo("Target is in the stopped state");
        ec2.terminateInstances(r -> r.instanceIds(instance));
    }

    @Test
    void targetsOfAGroupALoadBalancerUsesAreInitialUnlessTheirZoneIsNotEnabled() {
        String subnet1d = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.4.0/24").availabilityZone("ap-northeast-1d")).subnet().subnetId();
        String group = create("in-use", r -> { }).targetGroupArn();
        String loadBalancer = elb.createLoadBalancer(r -> r.name(name("site")).scheme("internal").subnets(subnet1a, subnet1c)).loadBalancers().getFirst()
                .loadBalancerArn();
        elb.createListener(r -> r.loadBalancerArn(loadBalancer).protocol("HTTP").port(80)
                .defaultActions(a -> a.type("forward").targetGroupArn(group)));
        String web1d = launch(subnet1d);
        ec2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(web1d), FAST.andThen(w -> w.maxAttempts(300)));
        try {
            elb.registerTargets(r -> r.targetGroupArn(group).targets(target(web1a), target(web1d)));
            TargetHealth registering = health(group, target(web1a)).getFirst().targetHealth();
            // the health checker may already have made its first check: both are AWS's initial states
            assertThat(stateOf(registering)).isIn("initial/Elb.RegistrationInProgress", "initial/Elb.InitialHealthChecking");
            assertThat(registering.description()).isIn("Target registration is in progress", "Initial health checks in progress");
            TargetHealth outOfZone = health(group, target(web1d)).getFirst().targetHealth();
            assertThat(stateOf(outOfZone)).isEqualTo("unused/Target.NotInUse");
            assertThat(outOfZone.description()).isEqualTo("Target is in an Availability Zone that is not enabled for the load balancer");

            TargetGroup used = elb.describeTargetGroups(r -> r.loadBalancerArn(loadBalancer)).targetGroups().getFirst();
            assertThat(used.targetGroupArn()).isEqualTo(group);
            assertThat(used.loadBalancerArns()).containsExactly(loadBalancer);
            var inUse = fails("ResourceInUse", () -> elb.deleteTargetGroup(r -> r.targetGroupArn(group)));
            assertThat(inUse.awsErrorDetails().errorMessage()).isEqualTo("Target group '" + group + "' is currently in use by a listener or a rule");
        } finally {
            ec2.terminateInstances(r -> r.instanceIds(web1d));
        }
    }
}
