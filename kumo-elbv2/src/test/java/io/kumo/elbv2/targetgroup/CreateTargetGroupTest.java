package io.kumo.elbv2.targetgroup;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Matcher;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

import static io.kumo.elbv2.targetgroup.TargetGroupFixture.VPC;
import static io.kumo.elbv2.targetgroup.TargetGroupFixture.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

class CreateTargetGroupTest {
    private final TargetGroupFixture f = new TargetGroupFixture();

    @Test
    void anHttpGroupGetsAwsHealthCheckDefaults() {
        TargetGroup group = f.create(r -> { });

        assertThat(group.targetGroupArn()).matches("arn:aws:elasticloadbalancing:ap-northeast-1:000000000000:targetgroup/web/[0-9a-f]{16}");
        assertThat(group.targetGroupName()).isEqualTo("web");
        assertThat(group.protocolAsString()).isEqualTo("HTTP");
        assertThat(group.protocolVersion()).isEqualTo("HTTP1");
        assertThat(group.port()).isEqualTo(80);
        assertThat(group.vpcId()).isEqualTo(VPC);
        assertThat(group.targetTypeAsString()).isEqualTo("instance");
        assertThat(group.ipAddressTypeAsString()).isEqualTo("ipv4");
        assertThat(group.healthCheckEnabled()).isTrue();
        assertThat(group.healthCheckProtocolAsString()).isEqualTo("HTTP");
        assertThat(group.healthCheckPort()).isEqualTo("traffic-port");
        assertThat(group.healthCheckPath()).isEqualTo("/");
        assertThat(group.healthCheckIntervalSeconds()).isEqualTo(30);
        assertThat(group.healthCheckTimeoutSeconds()).isEqualTo(5);
        assertThat(group.healthyThresholdCount()).isEqualTo(5);
        assertThat(group.unhealthyThresholdCount()).isEqualTo(2);
        assertThat(group.matcher().httpCode()).isEqualTo("200");
        assertThat(group.loadBalancerArns()).isEmpty();
    }

    @Test
    void anHttpsGroupChecksOverHttpsAndGrpcGroupsGetGrpcDefaults() {
        assertThat(f.create(r -> r.name("secure").protocol("HTTPS").port(443)).healthCheckProtocolAsString()).isEqualTo("HTTPS");
        TargetGroup grpc = f.create(r -> r.name("grpc").protocolVersion("GRPC"));
        assertThat(grpc.healthCheckPath()).isEqualTo("/AWS.ALB/healthcheck");
        assertThat(grpc.matcher().grpcCode()).isEqualTo("12");
        assertThat(grpc.matcher().httpCode()).isNull();
    }

    @Test
    void takesHealthCheckSettingsAndTags() {
        TargetGroup group = f.create(r -> r.healthCheckPath("/health").healthCheckPort("8080").healthCheckIntervalSeconds(10)
                .healthCheckTimeoutSeconds(3).healthyThresholdCount(2).unhealthyThresholdCount(3)
                .matcher(Matcher.builder().httpCode("200-299,302").build()).tags(Tag.builder().key("env").value("dev").build()));

        assertThat(group.healthCheckPath()).isEqualTo("/health");
        assertThat(group.healthCheckPort()).isEqualTo("8080");
        assertThat(group.healthCheckIntervalSeconds()).isEqualTo(10);
        assertThat(group.healthCheckTimeoutSeconds()).isEqualTo(3);
        assertThat(group.matcher().httpCode()).isEqualTo("200-299,302");
        assertThat(f.tagsOf(group.targetGroupArn())).extracting(t -> t.key() + "=" + t.value()).containsExactly("env=dev");
    }

    @Test
    void theSameNameAndSettingsAnswerTheExistingGroup() {
        String first = f.createWeb();
        assertThat(f.createWeb()).isEqualTo(first);
        assertThat(f.create(r -> r.healthCheckIntervalSeconds(30)).targetGroupArn()).isEqualTo(first);
        assertAwsError(() -> f.create(r -> r.port(8080)), "DuplicateTargetGroupName",
                "A target group with the same name 'web' exists, but with different settings");
        assertThat(f.groups()).hasSize(1);
    }

    @Test
    void refusesWhatApplicationLoadBalancersDoNotServe() {
        assertAwsError(() -> f.create(r -> r.protocol("TCP")), "ValidationError", "Protocol 'TCP' is not supported");
        assertAwsError(() -> f.create(r -> r.protocol("FTP")), "ValidationError", "Member must satisfy enum value set");
        assertAwsError(() -> f.create(r -> r.targetType("lambda")), "ValidationError", "Target type 'lambda' is not supported");
        assertAwsError(() -> f.create(r -> r.ipAddressType("ipv6")), "ValidationError", "'ipv6' is not supported");
        assertAwsError(() -> f.create(r -> r.healthCheckProtocol("TCP")), "ValidationError", "Health check protocol 'TCP' is not supported");
        assertAwsError(() -> f.create(r -> r.healthCheckEnabled(false)), "ValidationError", "cannot be disabled");
    }

    @Test
    void checksNamesVpcsAndRequiredSettings() {
        assertAwsError(() -> f.create(r -> r.name("-web")), "ValidationError", "cannot begin or end with '-'");
        assertAwsError(() -> f.create(r -> r.vpcId("vpc-0123456789abcdef0")), "ValidationError",
                "The VPC ID 'vpc-0123456789abcdef0' is not found");
        assertAwsError(() -> f.create(r -> r.vpcId(null)), "ValidationError", "'vpcId' is required");
        assertAwsError(() -> f.create(r -> r.port(null)), "ValidationError", "'port' is required");
        assertAwsError(() -> f.create(r -> r.port(0)), "ValidationError", "Value '0' at 'port'");
    }

    @Test
    void checksHealthCheckRanges() {
        assertAwsError(() -> f.create(r -> r.healthCheckIntervalSeconds(4)), "ValidationError",
                "Value '4' at 'healthCheckIntervalSeconds' failed to satisfy constraint: Member must have value greater than or equal to 5");
        assertAwsError(() -> f.create(r -> r.healthCheckTimeoutSeconds(121)), "ValidationError",
                "Member must have value less than or equal to 120");
        assertAwsError(() -> f.create(r -> r.healthyThresholdCount(11)), "ValidationError", "'healthyThresholdCount'");
        assertAwsError(() -> f.create(r -> r.unhealthyThresholdCount(1)), "ValidationError", "'unhealthyThresholdCount'");
        assertAwsError(() -> f.create(r -> r.healthCheckIntervalSeconds(5).healthCheckTimeoutSeconds(5)), "ValidationError",
                "Health check interval must be greater than the timeout.");
        assertAwsError(() -> f.create(r -> r.healthCheckPath("health")), "ValidationError", "must begin with a '/'");
        assertAwsError(() -> f.create(r -> r.healthCheckPort("http")), "ValidationError", "Health check port 'http'");
        for (String codes : new String[]{"500", "199", "200-500", "abc", "300-200", "200,"}) {
            assertAwsError(() -> f.create(r -> r.matcher(Matcher.builder().httpCode(codes).build())), "ValidationError",
                    "Health check matcher HTTP code '" + codes + "'");
        }
        assertThat(f.groups()).isEmpty();
    }

    @Test
    void codeMatcherAcceptsCodesListsAndRanges() {
        assertThat(CodeMatcher.matches("200", 200)).isTrue();
        assertThat(CodeMatcher.matches("200", 201)).isFalse();
        assertThat(CodeMatcher.matches("200,302", 302)).isTrue();
        assertThat(CodeMatcher.matches("200-299", 250)).isTrue();
        assertThat(CodeMatcher.matches("200-299,404", 404)).isTrue();
        assertThat(CodeMatcher.matches("200-299,404", 403)).isFalse();
    }
}
