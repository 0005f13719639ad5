package io.kumo.elbv2.tag;

import io.kumo.core.service.ServiceBinder;

/** AddTags, RemoveTags and DescribeTags, for every kind of ELBv2 resource. */
public final class TagActions {

    private TagActions() {
    }

    public static void register(ServiceBinder binder) {
        binder.table(TagsRecord.TABLE);
    }
}
