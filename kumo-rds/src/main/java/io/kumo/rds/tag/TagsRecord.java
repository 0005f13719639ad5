package io.kumo.rds.tag;

import io.kumo.core.store.Table;

import java.util.List;

/** The tags of one RDS resource, keyed by its ARN, in the order they were added. */
public record TagsRecord(String arn, List<Tag> tags) {

    public static final Table<TagsRecord> TABLE = Table.regional("rds.tags", TagsRecord.class);

    public TagsRecord {
        tags = List.copyOf(tags);
    }

    public record Tag(String key, String value) {
    }
}
