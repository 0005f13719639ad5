package io.kumo.elbv2.targetgroup;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.kumo.elbv2.targetgroup.TargetGroupFixture.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

class TargetGroupAttributesTest {
    private final TargetGroupFixture f = new TargetGroupFixture();
    private final String web = f.createWeb();

    private Map<String, String> describe() {
        return asMap(new DescribeTargetGroupAttributes().handle(f.ctx(),
                DescribeTargetGroupAttributesRequest.builder().targetGroupArn(web).build()).attributes());
    }

    private Map<String, String> modify(String... keysAndValues) {
        List<TargetGroupAttribute> changes = new java.util.ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            changes.add(TargetGroupAttribute.builder().key(keysAndValues[i]).value(keysAndValues[i + 1]).build());
        }
        return asMap(new ModifyTargetGroupAttributes().handle(f.ctx(),
                ModifyTargetGroupAttributesRequest.builder().targetGroupArn(web).attributes(changes).build()).attributes());
    }

    private static Map<String, String> asMap(List<TargetGroupAttribute> attributes) {
        Map<String, String> out = new LinkedHashMap<>();
        attributes.forEach(a -> out.put(a.key(), a.value()));
        return out;
    }

    @Test
    void aNewGroupHasAwsDefaults() {
        assertThat(describe()).containsEntry("deregistration_delay.timeout_seconds", "300")
                .containsEntry("stickiness.enabled", "false")
                .containsEntry("stickiness.type", "lb_cookie")
                .containsEntry("stickiness.lb_cookie.duration_seconds", "86400")
                .containsEntry("stickiness.app_cookie.cookie_name", "")
                .containsEntry("stickiness.app_cookie.duration_seconds", "86400")
                .containsEntry("load_balancing.algorithm.type", "round_robin")
                .containsEntry("load_balancing.algorithm.anomaly_mitigation", "off")
                .containsEntry("slow_start.duration_seconds", "0")
                .containsEntry("load_balancing.cross_zone.enabled", "use_load_balancer_configuration")
                .containsEntry("target_group_health.dns_failover.minimum_healthy_targets.count", "1")
                .containsEntry("target_group_health.dns_failover.minimum_healthy_targets.percentage", "off")
                .containsEntry("target_group_health.unhealthy_state_routing.minimum_healthy_targets.count", "1")
                .containsEntry("target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage", "off")
                .hasSize(14);
    }

    @Test
    void modifiesAndAnswersEveryAttribute() {
        Map<String, String> after = modify("deregistration_delay.timeout_seconds", "30", "stickiness.enabled", "true",
                "stickiness.lb_cookie.duration_seconds", "3600", "load_balancing.algorithm.type", "least_outstanding_requests",
                "slow_start.duration_seconds", "60");
        assertThat(after).hasSize(14).containsEntry("deregistration_delay.timeout_seconds", "30").containsEntry("stickiness.enabled", "true")
                .containsEntry("load_balancing.algorithm.type", "least_outstanding_requests").containsEntry("slow_start.duration_seconds", "60");
        assertThat(describe()).isEqualTo(after);
    }

    @Test
    void refusesUnknownKeysAndValuesOutOfRangeChangingNothing() {
        assertAwsError(() -> modify("stickiness.enabled", "true", "no.such.key", "1"), "ValidationError", "Attribute key 'no.such.key' is not recognized");
        assertAwsError(() -> modify("proxy_protocol_v2.enabled", "true"), "ValidationError", "not supported on target groups of application");
        assertAwsError(() -> modify("deregistration_delay.timeout_seconds", "3601"), "ValidationError", "from 0 to 3600");
        assertAwsError(() -> modify("deregistration_delay.timeout_seconds", "soon"), "ValidationError", "must be an integer");
        assertAwsError(() -> modify("stickiness.lb_cookie.duration_seconds", "0"), "ValidationError", "from 1 to 604800");
        assertAwsError(() -> modify("slow_start.duration_seconds", "29"), "ValidationError", "0 (disabled) or from 30 to 900");
        assertAwsError(() -> modify("slow_start.duration_seconds", "901"), "ValidationError", "0 (disabled) or from 30 to 900");
        assertAwsError(() -> modify("load_balancing.algorithm.type", "random"), "ValidationError", "round_robin");
        assertAwsError(() -> modify("stickiness.type", "source_ip"), "ValidationError", "lb_cookie, app_cookie");
        assertAwsError(() -> modify("stickiness.app_cookie.cookie_name", "AWSALBAPP-1"), "ValidationError", "cannot begin with 'AWSALB'");
        assertAwsError(() -> modify("stickiness.enabled", "true", "stickiness.type", "app_cookie"), "ValidationError", "cookie name is required");
        assertAwsError(() -> modify("load_balancing.algorithm.anomaly_mitigation", "on"), "ValidationError", "weighted_random");
        assertThat(describe()).containsEntry("stickiness.enabled", "false").containsEntry("deregistration_delay.timeout_seconds", "300");
        assertThat(modify("load_balancing.algorithm.type", "weighted_random", "load_balancing.algorithm.anomaly_mitigation", "on"))
                .containsEntry("load_balancing.algorithm.anomaly_mitigation", "on");
    }
}
