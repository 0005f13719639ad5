package io.kumo.elbv2.targetgroup;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.support.Arns;
import io.kumo.elbv2.support.Attachments;
import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.tag.Tags;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupResponse;

/**
 * Deletes a target group no rule forwards to, with its tags and health observations. A group
 * that does not exist is no error (TargetGroupNotFound is not among the operation's errors).
 */
final class DeleteTargetGroup implements Handler<DeleteTargetGroupRequest, DeleteTargetGroupResponse> {

    @Override
    public DeleteTargetGroupResponse handle(RequestContext ctx, DeleteTargetGroupRequest in) {
        String arn = Arns.checkTargetGroup(in.targetGroupArn());
        ctx.write(tx -> {
            if (tx.get(TargetGroupRecord.TABLE, arn).isEmpty()) {
                return null;
            }
            if (Attachments.inUse(tx, arn)) {
                throw Elbv2Errors.of("ResourceInUse", "Target group '" + arn + "' is currently in use by a listener or a rule");
            }
            tx.delete(TargetGroupRecord.TABLE, arn);
            tx.delete(TargetHealthRecord.TABLE, arn);
            Tags.forget(tx, arn);
            return null;
        });
        return DeleteTargetGroupResponse.builder().build();
    }
}
