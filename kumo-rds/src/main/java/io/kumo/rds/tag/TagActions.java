package io.kumo.rds.tag;

import io.kumo.core.service.ServiceBinder;
import software.amazon.awssdk.services.rds.model.AddTagsToResourceRequest;
import software.amazon.awssdk.services.rds.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.rds.model.RemoveTagsFromResourceRequest;

/** Tags of every kind of RDS resource. */
public final class TagActions {

    private TagActions() {
    }

    public static void register(ServiceBinder binder) {
        binder.table(TagsRecord.TABLE);
        binder.operation("AddTagsToResource", AddTagsToResourceRequest.class, new TagHandlers.Add());
        binder.operation("ListTagsForResource", ListTagsForResourceRequest.class, new TagHandlers.List());
        binder.operation("RemoveTagsFromResource", RemoveTagsFromResourceRequest.class, new TagHandlers.Remove());
    }
}
