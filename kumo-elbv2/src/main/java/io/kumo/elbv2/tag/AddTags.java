package io.kumo.elbv2.tag;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.support.Elbv2Errors;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddTagsResponse;

/** AddTags: the same tags on every resource named, all or none. */
final class AddTags implements Handler<AddTagsRequest, AddTagsResponse> {

    @Override
    public AddTagsResponse handle(RequestContext ctx, AddTagsRequest in) {
        if (!in.hasTags() || in.tags().isEmpty()) {
            throw Elbv2Errors.missing("Tags");
        }
        ctx.write(tx -> {
            for (String arn : TaggedResources.require(tx, in.resourceArns())) {
                Tags.add(tx, arn, in.tags());
            }
            return null;
        });
        return AddTagsResponse.builder().build();
    }
}
