package io.kumo.elbv2.tag;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;

import java.util.List;

/** DescribeTags: one description per resource named, in the order named. */
final class DescribeTags implements Handler<DescribeTagsRequest, DescribeTagsResponse> {

    @Override
    public DescribeTagsResponse handle(RequestContext ctx, DescribeTagsRequest in) {
        List<TagDescription> out = ctx.read(tx -> TaggedResources.require(tx, in.resourceArns()).stream()
                .map(arn -> TagDescription.builder().resourceArn(arn).tags(Tags.toSdk(tx, arn)).build())
                .toList());
        return DescribeTagsResponse.builder().tagDescriptions(out).build();
    }
}
