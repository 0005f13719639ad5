package io.kumo.elbv2.targetgroup;

import io.kumo.elbv2.targetgroup.HealthVerdicts.CheckResult;
import io.kumo.elbv2.targetgroup.TargetHealthRecord.Observation;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealth;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.kumo.elbv2.targetgroup.TargetGroupFixture.STOPPED;
import static io.kumo.elbv2.targetgroup.TargetGroupFixture.WEB_1A;
import static io.kumo.elbv2.targetgroup.TargetGroupFixture.WEB_1C;
import static io.kumo.elbv2.targetgroup.TargetGroupFixture.assertAwsError;
import static io.kumo.elbv2.targetgroup.TargetGroupFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

class TargetHealthTest {
    private final TargetGroupFixture f = new TargetGroupFixture();
    private final String web = f.createWeb();

    private TargetHealth healthOf(String id) {
        return f.health(web, target(id)).getFirst().targetHealth();
    }

    private void observe(String id, int port, Observation observation) {
        f.write(tx -> {
            var record = tx.get(TargetHealthRecord.TABLE, web).orElse(new TargetHealthRecord(web, Map.of()));
            tx.put(TargetHealthRecord.TABLE, web, record.with(TargetHealthRecord.key(id, port), observation));
            return null;
        });
    }

    private static void assertHealth(TargetHealth health, String state, String reason, String description) {
        assertThat(health.stateAsString()).isEqualTo(state);
        assertThat(health.reasonAsString()).isEqualTo(reason);
        assertThat(health.description()).isEqualTo(description);
    }

    @Test
    void aGroupNoRuleForwardsToLeavesItsTargetsUnused() {
        f.register(web, target(WEB_1A));
        TargetHealthDescription d = f.health(web).getFirst();
        assertHealth(d.targetHealth(), "unused", "Target.NotInUse", "Target group is not configured to receive traffic from the load balancer");
        assertThat(d.healthCheckPort()).isEqualTo("80");
        assertThat(d.target().availabilityZone()).isNull();
    }

    @Test
    void aTargetInAZoneTheLoadBalancerDoesNotEnableIsUnused() {
        f.loadBalancer("site", List.of("ap-northeast-1a", "ap-northeast-1d"), web);
        f.register(web, target(WEB_1A), target(WEB_1C));
        assertHealth(healthOf(WEB_1A), "initial", "Elb.RegistrationInProgress", "Target registration is in progress");
        assertHealth(healthOf(WEB_1C), "unused", "Target.NotInUse", "Target is in an Availability Zone that is not enabled for the load balancer");
    }

    @Test
    void aStoppedInstanceIsUnusedAndItsStateIsReadEachTime() {
        f.loadBalancer("site", List.of("ap-northeast-1a", "ap-northeast-1c"), web);
        f.register(web, target(WEB_1A));
        f.vpcs.instance(WEB_1A, TargetGroupFixture.VPC, "ap-northeast-1a", "stopped");
        assertHealth(healthOf(WEB_1A), "unused", "Target.InvalidState", "Target is in the stopped state");
        f.vpcs.instance(WEB_1A, TargetGroupFixture.VPC, "ap-northeast-1a", "terminated");
        assertHealth(healthOf(WEB_1A), "unused", "Target.InvalidState", "Target is in the terminated state");
    }

    @Test
    void theHealthCheckersVerdictsShowOnceObservedSinceTheRegistration() {
        f.loadBalancer("site", List.of("ap-northeast-1a", "ap-northeast-1c"), web);
        f.register(web, target(WEB_1A), target(WEB_1C));
        f.later(5);
        observe(WEB_1A, 80, new Observation("healthy", null, null, 5, 0, f.now));
        observe(WEB_1C, 80, new Observation("unhealthy", "Target.ResponseCodeMismatch", "Health checks failed with these codes: [404]", 0, 2, f.now));

        TargetHealth healthy = healthOf(WEB_1A);
        assertThat(healthy.stateAsString()).isEqualTo("healthy");
        assertThat(healthy.reason()).isNull();
        assertThat(healthy.description()).isNull();
        assertHealth(healthOf(WEB_1C), "unhealthy", "Target.ResponseCodeMismatch", "Health checks failed with these codes: [404]");

        // a verdict from before a new registration belongs to the old one
        new DeregisterTargets().handle(f.ctx(), software.amazon.awssdk.services.elasticloadbalancingv2.model.DeregisterTargetsRequest.builder()
                .targetGroupArn(web).targets(target(WEB_1C)).build());
        observe(WEB_1C, 80, new Observation("healthy", null, null, 5, 0, f.now));
        f.later(1);
        f.register(web, target(WEB_1C));
        assertHealth(healthOf(WEB_1C), "initial", "Elb.RegistrationInProgress", "Target registration is in progress");
    }

    @Test
    void namedTargetsThatAreNotRegisteredAreUnusedAndMissingInstancesInvalid() {
        f.register(web, target(WEB_1A, 80), target(WEB_1A, 81));
        assertThat(f.health(web, target(WEB_1A))).hasSize(2);
        assertThat(f.health(web, target(WEB_1A, 81))).singleElement().satisfies(d -> assertThat(d.target().port()).isEqualTo(81));
        TargetHealthDescription stopped = f.health(web, target(STOPPED)).getFirst();
        assertHealth(stopped.targetHealth(), "unused", "Target.NotRegistered", "Target is not registered to the target group");
        assertThat(stopped.target().port()).isEqualTo(80);
        assertAwsError(() -> f.health(web, target("i-0123456789abcdef0")), "InvalidTarget", "'i-0123456789abcdef0'");
    }

    @Test
    void theHealthCheckPortIsTheTrafficPortOrTheConfiguredOne() {
        String custom = f.create(r -> r.name("custom").healthCheckPort("8081")).targetGroupArn();
        f.register(custom, target(WEB_1A, 8080));
        assertThat(f.health(custom).getFirst().healthCheckPort()).isEqualTo("8081");
    }

    @Test
    void verdictsFollowTheThresholds() {
        var settings = HealthCheckSettings.defaults("HTTP", "HTTP1"); // healthy after 5, unhealthy after 2
        Instant t = Instant.parse("2026-11-22T03:49:00Z");
        Observation o = HealthVerdicts.next(null, CheckResult.pass(), settings, t);
        assertThat(o.state()).isEqualTo("initial");
        assertThat(o.reason()).isEqualTo("Elb.InitialHealthChecking");
        assertThat(o.description()).isEqualTo("Initial health checks in progress");
        for (int i = 0; i < 4; i++) {
            o = HealthVerdicts.next(o, CheckResult.pass(), settings, t);
        }
        assertThat(o.state()).isEqualTo("healthy");
        assertThat(o.reason()).isNull();

        o = HealthVerdicts.next(o, CheckResult.timedOut(), settings, t);
        assertThat(o.state()).as("one failure is not enough").isEqualTo("healthy");
        o = HealthVerdicts.next(o, CheckResult.wrongCode(503), settings, t);
        assertThat(o.state()).isEqualTo("unhealthy");
        assertThat(o.reason()).isEqualTo("Target.ResponseCodeMismatch");
        assertThat(o.description()).isEqualTo("Health checks failed with these codes: [503]");

        o = HealthVerdicts.next(o, CheckResult.pass(), settings, t);
        assertThat(o.state()).isEqualTo("unhealthy");
        assertThat(o.reason()).as("keeps why it failed").isEqualTo("Target.ResponseCodeMismatch");
        o = HealthVerdicts.next(o, CheckResult.failed(), settings, t);
        o = HealthVerdicts.next(o, CheckResult.failed(), settings, t);
        assertThat(o.reason()).isEqualTo("Target.FailedHealthChecks");
        assertThat(o.description()).isEqualTo("Health checks failed");

        Observation fresh = HealthVerdicts.next(null, CheckResult.timedOut(), settings, t);
        fresh = HealthVerdicts.next(fresh, CheckResult.timedOut(), settings, t);
        assertThat(fresh.state()).isEqualTo("unhealthy");
        assertThat(fresh.description()).isEqualTo("Request timed out");
    }
}
