package io.kumo.route53.tag;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.route53.support.Route53Errors;
import software.amazon.awssdk.services.route53.model.ChangeTagsForResourceRequest;
import software.amazon.awssdk.services.route53.model.ChangeTagsForResourceResponse;
import software.amazon.awssdk.services.route53.model.Tag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Adds (or overwrites) up to 10 tags and removes up to 10 keys in one call; a resource holds at most 50. */
final class ChangeTagsForResource implements Handler<ChangeTagsForResourceRequest, ChangeTagsForResourceResponse> {
    static final int MAX_PER_CALL = 10;
    static final int MAX_TAGS = 50;

    @Override
    public ChangeTagsForResourceResponse handle(RequestContext ctx, ChangeTagsForResourceRequest in) {
        List<Tag> add = in.hasAddTags() ? in.addTags() : List.of();
        List<String> remove = in.hasRemoveTagKeys() ? in.removeTagKeys() : List.of();
        if (add.size() > MAX_PER_CALL || remove.size() > MAX_PER_CALL) {
            throw Route53Errors.invalidInput("1 validation error detected: AddTags and RemoveTagKeys take at most 10 members each");
        }
        for (Tag t : add) {
            if (t.key() == null || t.key().isEmpty() || t.key().length() > 128 || t.value() != null && t.value().length() > 256) {
                throw Route53Errors.invalidInput("Invalid tag: a key has 1 to 128 characters and a value at most 256");
            }
        }
        String type = in.resourceTypeAsString();
        ctx.write(tx -> {
            String id = TaggedResources.require(tx, type, in.resourceId());
            Map<String, String> tags = new HashMap<>(TaggedResources.tags(tx, type, id).tags());
            remove.forEach(tags::remove);
            add.forEach(t -> tags.put(t.key(), t.value() == null ? "" : t.value()));
            if (tags.size() > MAX_TAGS) {
                throw Route53Errors.of("ThrottlingException", "A resource holds at most " + MAX_TAGS + " tags.", 400);
            }
            tx.put(TagSet.TABLE, TagSet.key(type, id), new TagSet(tags));
            return null;
        });
        return ChangeTagsForResourceResponse.builder().build();
    }
}
