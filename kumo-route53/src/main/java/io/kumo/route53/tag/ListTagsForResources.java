package io.kumo.route53.tag;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.route53.support.Route53Errors;
import software.amazon.awssdk.services.route53.model.ListTagsForResourcesRequest;
import software.amazon.awssdk.services.route53.model.ListTagsForResourcesResponse;
import software.amazon.awssdk.services.route53.model.ResourceTagSet;

import java.util.List;

/** The tags of up to 10 resources of one type. */
final class ListTagsForResources implements Handler<ListTagsForResourcesRequest, ListTagsForResourcesResponse> {

    @Override
    public ListTagsForResourcesResponse handle(RequestContext ctx, ListTagsForResourcesRequest in) {
        List<String> ids = in.hasResourceIds() ? in.resourceIds() : List.of();
        if (ids.isEmpty() || ids.size() > 10) {
            throw Route53Errors.invalidInput("1 validation error detected: ResourceIds takes 1 to 10 members");
        }
        String type = in.resourceTypeAsString();
        List<ResourceTagSet> sets = ctx.read(tx -> ids.stream().map(raw -> {
            String id = TaggedResources.require(tx, type, raw);
            return TaggedResources.tags(tx, type, id).toSdk(type, id);
        }).toList());
        return ListTagsForResourcesResponse.builder().resourceTagSets(sets).build();
    }
}
