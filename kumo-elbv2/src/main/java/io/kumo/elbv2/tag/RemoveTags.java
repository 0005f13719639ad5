package io.kumo.elbv2.tag;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.support.Elbv2Errors;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RemoveTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RemoveTagsResponse;

/** RemoveTags: keys that are not there are ignored. */
final class RemoveTags implements Handler<RemoveTagsRequest, RemoveTagsResponse> {

    @Override
    public RemoveTagsResponse handle(RequestContext ctx, RemoveTagsRequest in) {
        if (!in.hasTagKeys() || in.tagKeys().isEmpty()) {
            throw Elbv2Errors.missing("TagKeys");
        }
        ctx.write(tx -> {
            for (String arn : TaggedResources.require(tx, in.resourceArns())) {
                Tags.remove(tx, arn, in.tagKeys());
            }
            return null;
        });
        return RemoveTagsResponse.builder().build();
    }
}
