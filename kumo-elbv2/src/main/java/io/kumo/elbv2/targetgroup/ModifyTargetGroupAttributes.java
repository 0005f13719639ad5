package io.kumo.elbv2.targetgroup;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.support.Lookups;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupAttributesResponse;

/** Sets some attributes, all or none; answers every attribute with its value after the change. */
final class ModifyTargetGroupAttributes implements Handler<ModifyTargetGroupAttributesRequest, ModifyTargetGroupAttributesResponse> {

    @Override
    public ModifyTargetGroupAttributesResponse handle(RequestContext ctx, ModifyTargetGroupAttributesRequest in) {
        TargetGroupRecord updated = ctx.write(tx -> {
            TargetGroupRecord group = Lookups.targetGroup(tx, in.targetGroupArn());
            TargetGroupRecord changed = group.withAttributes(TargetGroupAttributes.apply(group.attributes(), in.attributes()));
            tx.put(TargetGroupRecord.TABLE, changed.arn(), changed);
            return changed;
        });
        return ModifyTargetGroupAttributesResponse.builder().attributes(TargetGroupAttributes.toSdk(updated.attributes())).build();
    }
}
