package io.kumo.elbv2.targetgroup;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.support.Lookups;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupAttributesResponse;

final class DescribeTargetGroupAttributes implements Handler<DescribeTargetGroupAttributesRequest, DescribeTargetGroupAttributesResponse> {

    @Override
    public DescribeTargetGroupAttributesResponse handle(RequestContext ctx, DescribeTargetGroupAttributesRequest in) {
        TargetGroupRecord group = ctx.read(tx -> Lookups.targetGroup(tx, in.targetGroupArn()));
        return DescribeTargetGroupAttributesResponse.builder().attributes(TargetGroupAttributes.toSdk(group.attributes())).build();
    }
}
