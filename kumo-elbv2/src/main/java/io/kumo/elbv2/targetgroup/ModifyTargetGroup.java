package io.kumo.elbv2.targetgroup;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.support.Lookups;
import io.kumo.elbv2.targetgroup.HealthCheckSettings.GroupKind;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/** Changes a target group's health check; what the request leaves out keeps its value. */
final class ModifyTargetGroup implements Handler<ModifyTargetGroupRequest, ModifyTargetGroupResponse> {

    @Override
    public ModifyTargetGroupResponse handle(RequestContext ctx, ModifyTargetGroupRequest in) {
        TargetGroup modified = ctx.write(tx -> {
            TargetGroupRecord group = Lookups.targetGroup(tx, in.targetGroupArn());
            var check = HealthCheckSettings.apply(group.healthCheck(), HealthCheckSettings.Requested.of(in),
                    new GroupKind(group.protocol(), group.protocolVersion(), group.targetType()));
            TargetGroupRecord updated = group.withHealthCheck(check);
            tx.put(TargetGroupRecord.TABLE, updated.arn(), updated);
            return TargetGroups.toSdk(tx, updated);
        });
        return ModifyTargetGroupResponse.builder().targetGroups(modified).build();
    }
}
