package io.kumo.ec2.support;

import io.kumo.core.store.Table;

import java.util.Map;

/** The tags of one resource, stored apart from it so every kind gets tags the same way. */
public record ResourceTags(String resourceId, String resourceType, Map<String, String> tags) {
    public static final Table<ResourceTags> TABLE = Table.regional("ec2.tags", ResourceTags.class);
}
