package io.kumo.rds.tag;

import io.kumo.core.store.Tx;
import io.kumo.rds.support.RdsErrors;
import software.amazon.awssdk.services.rds.model.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags of RDS resources: at most 50 per resource, keys of 1 to 128 characters and values of at
 * most 256, neither starting with "aws:" or "rds:". Create calls and AddTagsToResource go through
 * {@link #add}; deleting a resource deletes its tags ({@link #forget}).
 */
public final class Tags {
    public static final int MOST_PER_RESOURCE = 50;

    private Tags() {
    }

    /** Adds or overwrites tags, checking them first; nothing changes when one is wrong. */
    public static void add(Tx tx, String arn, List<Tag> given) {
        if (given == null || given.isEmpty()) {
            return;
        }
        Map<String, String> merged = new LinkedHashMap<>();
        of(tx, arn).forEach(t -> merged.put(t.key(), t.value()));
        for (Tag tag : given) {
            check(tag.key(), tag.value());
            merged.put(tag.key(), tag.value() == null ? "" : tag.value());
        }
        if (merged.size() > MOST_PER_RESOURCE) {
            throw RdsErrors.of("TagQuotaPerResourceExceeded", "A resource can have at most " + MOST_PER_RESOURCE + " tags.");
        }
        List<TagsRecord.Tag> tags = new ArrayList<>();
        merged.forEach((k, v) -> tags.add(new TagsRecord.Tag(k, v)));
        tx.put(TagsRecord.TABLE, arn, new TagsRecord(arn, tags));
    }

    public static void remove(Tx tx, String arn, List<String> keys) {
        List<TagsRecord.Tag> kept = of(tx, arn).stream().filter(t -> !keys.contains(t.key())).toList();
        if (kept.isEmpty()) {
            tx.delete(TagsRecord.TABLE, arn);
        } else {
            tx.put(TagsRecord.TABLE, arn, new TagsRecord(arn, kept));
        }
    }

    public static List<TagsRecord.Tag> of(Tx tx, String arn) {
        return tx.get(TagsRecord.TABLE, arn).map(TagsRecord::tags).orElse(List.of());
    }

    public static List<Tag> toSdk(Tx tx, String arn) {
        return toSdk(of(tx, arn));
    }

    public static List<Tag> toSdk(List<TagsRecord.Tag> tags) {
        return tags.stream().map(t -> Tag.builder().key(t.key()).value(t.value()).build()).toList();
    }

    /** Copies one resource's tags to another (CopyTagsToSnapshot). */
    public static void copy(Tx tx, String fromArn, String toArn) {
        List<TagsRecord.Tag> tags = of(tx, fromArn);
        if (!tags.isEmpty()) {
            tx.put(TagsRecord.TABLE, toArn, new TagsRecord(toArn, tags));
        }
    }

    public static void forget(Tx tx, String arn) {
        tx.delete(TagsRecord.TABLE, arn);
    }

    private static void check(String key, String value) {
        if (key == null || key.isEmpty() || key.length() > 128) {
            throw RdsErrors.invalidValue("A tag key must be 1 to 128 characters long.");
        }
        if (key.startsWith("aws:") || key.startsWith("rds:")) {
            throw RdsErrors.invalidValue("Tag keys starting with 'aws:' or 'rds:' are reserved.");
        }
        if (value != null && value.length() > 256) {
            throw RdsErrors.invalidValue("A tag value must be at most 256 characters long.");
        }
    }
}
