package io.kumo.elbv2.tag;

import io.kumo.core.service.ServiceBinder;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RemoveTagsRequest;

/** AddTags, RemoveTags and DescribeTags, for every kind of ELBv2 resource. */
public final class TagActions {

    private TagActions() {
    }

    public static void register(ServiceBinder binder) {
        binder.table(TagsRecord.TABLE);
        binder.operation("AddTags", AddTagsRequest.class, new AddTags());
        binder.operation("RemoveTags", RemoveTagsRequest.class, new RemoveTags());
        binder.operation("DescribeTags", DescribeTagsRequest.class, new DescribeTags());
    }
}
