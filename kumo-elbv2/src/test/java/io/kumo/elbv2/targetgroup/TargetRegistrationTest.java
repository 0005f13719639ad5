package io.kumo.elbv2.targetgroup;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeregisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.util.List;

import static io.kumo.elbv2.targetgroup.TargetGroupFixture.ELSEWHERE;
import static io.kumo.elbv2.targetgroup.TargetGroupFixture.STOPPED;
import static io.kumo.elbv2.targetgroup.TargetGroupFixture.WEB_1A;
import static io.kumo.elbv2.targetgroup.TargetGroupFixture.WEB_1C;
import static io.kumo.elbv2.targetgroup.TargetGroupFixture.assertAwsError;
import static io.kumo.elbv2.targetgroup.TargetGroupFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

class TargetRegistrationTest {
    private final TargetGroupFixture f = new TargetGroupFixture();
    private final String web = f.createWeb();

    private void deregister(String groupArn, TargetDescription... targets) {
        new DeregisterTargets().handle(f.ctx(), DeregisterTargetsRequest.builder().targetGroupArn(groupArn).targets(targets).build());
    }

    private List<String> registered(String groupArn) {
        return f.health(groupArn).stream().map(d -> d.target().id() + ":" + d.target().port()).toList();
    }

    @Test
    void registersInstancesOnTheGroupPortOrTheirOwn() {
        f.register(web, target(WEB_1A), target(WEB_1C, 8080));
        assertThat(registered(web)).containsExactly(WEB_1A + ":80", WEB_1C + ":8080");
        f.register(web, target(WEB_1A), target(WEB_1A, 80));
        assertThat(registered(web)).as("registering again changes nothing").containsExactly(WEB_1A + ":80", WEB_1C + ":8080");
        f.register(web, target(WEB_1A, 81));
        assertThat(registered(web)).containsExactly(WEB_1A + ":80", WEB_1C + ":8080", WEB_1A + ":81");
    }

    @Test
    void refusesInstancesThatAreMissingElsewhereOrNotRunningAllOrNothing() {
        assertAwsError(() -> f.register(web, target(WEB_1A), target("i-0123456789abcdef0")), "InvalidTarget",
                "The following instances do not exist: 'i-0123456789abcdef0'");
        assertAwsError(() -> f.register(web, target(ELSEWHERE)), "InvalidTarget", "not in the target group's VPC");
        assertAwsError(() -> f.register(web, target(WEB_1A), target(STOPPED)), "InvalidTarget",
                "The following targets are not in a running state and cannot be registered: '" + STOPPED + "'");
        assertAwsError(() -> f.register(web, target("web-1")), "ValidationError", "Instance ID 'web-1' is not valid");
        assertAwsError(() -> f.register(web, target(WEB_1A, 0)), "ValidationError", "Value '0' at 'port'");
        assertAwsError(() -> f.register(web, TargetDescription.builder().id(WEB_1A).availabilityZone("all").build()), "ValidationError",
                "'instance'");
        assertThat(registered(web)).isEmpty();
    }

    @Test
    void ipTargetsMustBeInTheVpcOrPrivateWithAllZones() {
        String ips = f.create(r -> r.name("ips").targetType("ip")).targetGroupArn();
        f.register(ips, target("10.0.1.5"), TargetDescription.builder().id("10.0.2.5").availabilityZone("ap-northeast-1c").build(),
                TargetDescription.builder().id("192.168.0.9").availabilityZone("all").build());
        List<TargetHealthDescription> health = f.health(ips);
        assertThat(health).extracting(d -> d.target().id() + "@" + d.target().availabilityZone())
                .containsExactly("10.0.1.5@null", "10.0.2.5@ap-northeast-1c", "192.168.0.9@all");

        assertAwsError(() -> f.register(ips, target("8.8.8.8")), "InvalidTarget", "neither in the target group's VPC");
        assertAwsError(() -> f.register(ips, target("172.16.0.1")), "ValidationError", "must be 'all'");
        assertAwsError(() -> f.register(ips, target("10.0.0.300")), "ValidationError", "not a valid IPv4 address");
        assertAwsError(() -> f.register(ips, TargetDescription.builder().id("10.0.1.6").availabilityZone("mars-1a").build()),
                "ValidationError", "'mars-1a' is not valid");
        assertAwsError(() -> f.register(ips, target(WEB_1A)), "ValidationError", "not a valid IPv4 address");
    }

    @Test
    void deregisteredTargetsDrainForTheDelayThenLeave() {
        f.register(web, target(WEB_1A), target(WEB_1C));
        f.later(10);
        deregister(web, target(WEB_1A), target("i-0000000000000ffff"));

        assertThat(f.health(web)).extracting(d -> d.target().id() + "=" + d.targetHealth().stateAsString() + "/" + d.targetHealth().reasonAsString())
                .containsExactly(WEB_1A + "=draining/Target.DeregistrationInProgress", WEB_1C + "=unused/Target.NotInUse");
        assertThat(f.health(web).getFirst().targetHealth().description()).isEqualTo("Target deregistration is in progress");
        f.later(299);
        assertThat(registered(web)).contains(WEB_1A + ":80");
        f.later(1);
        assertThat(registered(web)).containsExactly(WEB_1C + ":80");
        TargetHealthDescription gone = f.health(web, target(WEB_1A)).getFirst();
        assertThat(gone.targetHealth().stateAsString()).isEqualTo("unused");
        assertThat(gone.targetHealth().reasonAsString()).isEqualTo("Target.NotRegistered");
        assertThat(gone.targetHealth().description()).isEqualTo("Target is not registered to the target group");
    }

    @Test
    void registeringADrainingTargetRegistersItAnewAndAZeroDelayRemovesAtOnce() {
        f.register(web, target(WEB_1A));
        deregister(web, target(WEB_1A));
        f.register(web, target(WEB_1A));
        assertThat(f.health(web)).singleElement().satisfies(d -> assertThat(d.targetHealth().stateAsString()).isEqualTo("unused"));

        new ModifyTargetGroupAttributes().handle(f.ctx(), ModifyTargetGroupAttributesRequest.builder().targetGroupArn(web)
                .attributes(TargetGroupAttribute.builder().key("deregistration_delay.timeout_seconds").value("0").build()).build());
        deregister(web, target(WEB_1A));
        assertThat(f.health(web)).isEmpty();
    }
}
