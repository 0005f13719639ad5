package io.kumo.elbv2.tag;

import io.kumo.core.store.Tx;
import io.kumo.elbv2.support.Elbv2Errors;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tags of ELBv2 resources: at most 50 per resource, keys of 1 to 128 characters not starting with
 * "aws:", values of at most 256. Create calls and AddTags go through {@link #add}; deleting a
 * resource deletes its tags ({@link #forget}).
 */
public final class Tags {
    public static final int MOST_PER_RESOURCE = 50;

    private Tags() {
    }

    /** Adds or overwrites tags, checking them first; nothing changes when one is wrong. */
    public static void add(Tx tx, String arn, List<software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag> given) {
        if (given == null || given.isEmpty()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (var tag : given) {
            check(tag.key(), tag.value());
            if (!seen.add(tag.key())) {
                throw Elbv2Errors.of("DuplicateTagKeys", "Tag key '" + tag.key() + "' specified more than once");
            }
        }
        Map<String, String> merged = new LinkedHashMap<>();
        of(tx, arn).forEach(t -> merged.put(t.key(), t.value()));
        given.forEach(t -> merged.put(t.key(), t.value() == null ? "" : t.value()));
        if (merged.size() > MOST_PER_RESOURCE) {
            throw Elbv2Errors.of("TooManyTags", "The quota for the number of tags that can be assigned to a resource has been reached");
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

    public static List<software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag> toSdk(Tx tx, String arn) {
        return of(tx, arn).stream()
                .map(t -> software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag.builder().key(t.key()).value(t.value()).build())
                .toList();
    }

    public static void forget(Tx tx, String arn) {
        tx.delete(TagsRecord.TABLE, arn);
    }

    private static void check(String key, String value) {
        if (key == null || key.isEmpty() || key.length() > 128) {
            throw Elbv2Errors.validation("1 validation error detected: Value '" + key
                    + "' at 'tags.member.key' failed to satisfy constraint: Member must have length between 1 and 128");
        }
        if (key.startsWith("aws:")) {
            throw Elbv2Errors.validation("Tag keys starting with 'aws:' are reserved for internal use");
        }
        if (value != null && value.length() > 256) {
            throw Elbv2Errors.validation("1 validation error detected: Value '" + value
                    + "' at 'tags.member.value' failed to satisfy constraint: Member must have length less than or equal to 256");
        }
    }
}
