package io.kumo.route53.tag;

import io.kumo.core.service.ServiceBinder;
import software.amazon.awssdk.services.route53.model.ChangeTagsForResourceRequest;
import software.amazon.awssdk.services.route53.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.route53.model.ListTagsForResourcesRequest;

/** Tags of hosted zones and health checks. */
public final class TagActions {

    private TagActions() {
    }

    public static void register(ServiceBinder binder) {
        binder.table(TagSet.TABLE);
        binder.operation("ChangeTagsForResource", ChangeTagsForResourceRequest.class, new ChangeTagsForResource());
        binder.operation("ListTagsForResource", ListTagsForResourceRequest.class, new ListTagsForResource());
        binder.operation("ListTagsForResources", ListTagsForResourcesRequest.class, new ListTagsForResources());
    }
}
