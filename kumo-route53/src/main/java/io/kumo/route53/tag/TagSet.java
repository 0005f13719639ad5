package io.kumo.route53.tag;

import io.kumo.core.store.Table;
import software.amazon.awssdk.services.route53.model.ResourceTagSet;
import software.amazon.awssdk.services.route53.model.Tag;

import java.util.Map;
import java.util.TreeMap;

/** The tags of one hosted zone or health check, keyed "hostedzone/Z..." or "healthcheck/<id>". */
public record TagSet(Map<String, String> tags) {

    public static final Table<TagSet> TABLE = Table.account("route53.tags", TagSet.class);

    public TagSet {
        tags = Map.copyOf(tags);
    }

    public static String key(String resourceType, String id) {
        return resourceType + "/" + id;
    }

    ResourceTagSet toSdk(String resourceType, String id) {
        return ResourceTagSet.builder().resourceType(resourceType).resourceId(id)
                .tags(new TreeMap<>(tags).entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
                .build();
    }
}
