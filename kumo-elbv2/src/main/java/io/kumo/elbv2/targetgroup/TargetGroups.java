package io.kumo.elbv2.targetgroup;

import io.kumo.core.store.Tx;
import io.kumo.elbv2.support.Attachments;
import io.kumo.elbv2.targetgroup.TargetGroupRecord.Target;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Matcher;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

import java.time.Instant;
import java.util.List;

/** What the target-group handlers share: the SDK's view of a group, and which targets are still there. */
final class TargetGroups {

    private TargetGroups() {
    }

    static TargetGroup toSdk(Tx tx, TargetGroupRecord group) {
        var check = group.healthCheck();
        Matcher matcher = "GRPC".equals(group.protocolVersion())
                ? Matcher.builder().grpcCode(check.matcher()).build()
                : Matcher.builder().httpCode(check.matcher()).build();
        return TargetGroup.builder()
                .targetGroupArn(group.arn())
                .targetGroupName(group.name())
                .protocol(group.protocol())
                .protocolVersion(group.protocolVersion())
                .port(group.port())
                .vpcId(group.vpcId())
                .healthCheckEnabled(check.enabled())
                .healthCheckProtocol(check.protocol())
                .healthCheckPort(check.port())
                .healthCheckPath(check.path())
                .healthCheckIntervalSeconds(check.intervalSeconds())
                .healthCheckTimeoutSeconds(check.timeoutSeconds())
                .healthyThresholdCount(check.healthyThreshold())
                .unhealthyThresholdCount(check.unhealthyThreshold())
                .matcher(matcher)
                .loadBalancerArns(Attachments.loadBalancersOf(tx, group.arn()))
                .targetType(group.targetType())
                .ipAddressType(group.ipAddressType())
                .build();
    }

    /**
     * The targets still in the group at {@code now}: a deregistered target stays, draining, for the
     * group's deregistration delay and is gone after it. Computed from timestamps, so no timer has
     * to remove it; writes drop the departed ones when they rewrite the record anyway.
     */
    static List<Target> present(TargetGroupRecord group, Instant now) {
        long delay = TargetGroupAttributes.deregistrationDelaySeconds(group.attributes());
        return group.targets().stream()
                .filter(t -> !t.draining() || now.isBefore(t.deregisteredAt().plusSeconds(delay)))
                .toList();
    }
}
