package io.kumo.rds.tag;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.rds.support.RdsErrors;
import software.amazon.awssdk.services.rds.model.AddTagsToResourceRequest;
import software.amazon.awssdk.services.rds.model.AddTagsToResourceResponse;
import software.amazon.awssdk.services.rds.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.rds.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.rds.model.RemoveTagsFromResourceRequest;
import software.amazon.awssdk.services.rds.model.RemoveTagsFromResourceResponse;

/** AddTagsToResource, ListTagsForResource and RemoveTagsFromResource: one resource by ARN each. */
final class TagHandlers {

    private TagHandlers() {
    }

    static final class Add implements Handler<AddTagsToResourceRequest, AddTagsToResourceResponse> {
        @Override
        public AddTagsToResourceResponse handle(RequestContext ctx, AddTagsToResourceRequest in) {
            if (!in.hasTags() || in.tags().isEmpty()) {
                throw RdsErrors.missing("Tags");
            }
            ctx.write(tx -> {
                Tags.add(tx, TaggedResources.require(ctx, tx, in.resourceName()), in.tags());
                return null;
            });
            return AddTagsToResourceResponse.builder().build();
        }
    }

    static final class List implements Handler<ListTagsForResourceRequest, ListTagsForResourceResponse> {
        @Override
        public ListTagsForResourceResponse handle(RequestContext ctx, ListTagsForResourceRequest in) {
            java.util.List<software.amazon.awssdk.services.rds.model.Tag> tags =
                    ctx.read(tx -> Tags.toSdk(tx, TaggedResources.require(ctx, tx, in.resourceName())));
            return ListTagsForResourceResponse.builder().tagList(tags).build();
        }
    }

    static final class Remove implements Handler<RemoveTagsFromResourceRequest, RemoveTagsFromResourceResponse> {
        @Override
        public RemoveTagsFromResourceResponse handle(RequestContext ctx, RemoveTagsFromResourceRequest in) {
            if (!in.hasTagKeys() || in.tagKeys().isEmpty()) {
                throw RdsErrors.missing("TagKeys");
            }
            ctx.write(tx -> {
                Tags.remove(tx, TaggedResources.require(ctx, tx, in.resourceName()), in.tagKeys());
                return null;
            });
            return RemoveTagsFromResourceResponse.builder().build();
        }
    }
}
