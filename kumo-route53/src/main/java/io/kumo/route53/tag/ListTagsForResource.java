package io.kumo.route53.tag;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.route53.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.route53.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.route53.model.ResourceTagSet;

final class ListTagsForResource implements Handler<ListTagsForResourceRequest, ListTagsForResourceResponse> {

    @Override
    public ListTagsForResourceResponse handle(RequestContext ctx, ListTagsForResourceRequest in) {
        String type = in.resourceTypeAsString();
        ResourceTagSet set = ctx.read(tx -> {
            String id = TaggedResources.require(tx, type, in.resourceId());
            return TaggedResources.tags(tx, type, id).toSdk(type, id);
        });
        return ListTagsForResourceResponse.builder().resourceTagSet(set).build();
    }
}
