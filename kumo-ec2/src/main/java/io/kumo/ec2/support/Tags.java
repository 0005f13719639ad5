package io.kumo.ec2.support;

import io.kumo.core.store.Tx;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and writing tags inside a transaction, with EC2's limits and rules. */
public final class Tags {
    public static final int MAX_TAGS = 50;

    private Tags() {
    }

    public static Map<String, String> of(Tx tx, String resourceId) {
        return tx.get(ResourceTags.TABLE, resourceId).map(ResourceTags::tags).orElse(Map.of());
    }

    public static List<Tag> sdkTags(Tx tx, String resourceId) {
        return toSdk(of(tx, resourceId));
    }

    public static List<Tag> toSdk(Map<String, String> tags) {
        List<Tag> out = new ArrayList<>(tags.size());
        tags.forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
        return out;
    }

    /** Adds or overwrites tags. */
    public static void put(Tx tx, String resourceId, String resourceType, Collection<Tag> tags) {
        if (tags == null || tags.isEmpty()) {
            return;
        }
        Map<String, String> merged = new LinkedHashMap<>(of(tx, resourceId));
        for (Tag tag : tags) {
            validate(tag);
            merged.put(tag.key(), tag.value() == null ? "" : tag.value());
        }
        if (merged.size() > MAX_TAGS) {
            throw io.kumo.core.AwsException.badRequest("TagLimitExceeded",
                    "The maximum number of Tags for a resource has been reached.");
        }
        tx.put(ResourceTags.TABLE, resourceId, new ResourceTags(resourceId, resourceType, Map.copyOf(merged)));
    }

    /** Removes tags: a tag with a value is removed only when the value matches, as DeleteTags does. */
    public static void remove(Tx tx, String resourceId, Collection<Tag> tags) {
        var current = tx.get(ResourceTags.TABLE, resourceId);
        if (current.isEmpty()) {
            return;
        }
        Map<String, String> left = new LinkedHashMap<>(current.get().tags());
        if (tags == null || tags.isEmpty()) {
            left.clear();
        } else {
            for (Tag tag : tags) {
                String value = left.get(tag.key());
                if (value != null && (tag.value() == null || tag.value().equals(value))) {
                    left.remove(tag.key());
                }
            }
        }
        if (left.isEmpty()) {
            tx.delete(ResourceTags.TABLE, resourceId);
        } else {
            tx.put(ResourceTags.TABLE, resourceId, new ResourceTags(resourceId, current.get().resourceType(), Map.copyOf(left)));
        }
    }

    public static void deleteAll(Tx tx, String resourceId) {
        tx.delete(ResourceTags.TABLE, resourceId);
    }

    /**
     * Applies the TagSpecifications of a create call to a new resource. Specifications for other
     * resource types are left for the caller (RunInstances tags volumes and ENIs too); a type no
     * part of the call creates is refused.
     */
    public static void applySpecifications(Tx tx, String resourceId, String resourceType,
                                           List<TagSpecification> specifications, Collection<String> typesThisCallCreates) {
        if (specifications == null) {
            return;
        }
        for (TagSpecification spec : specifications) {
            String type = spec.resourceTypeAsString();
            if (type == null || !typesThisCallCreates.contains(type)) {
                throw Ec2Errors.invalidParameterValue("'" + type + "' is not a valid taggable resource type for this operation.");
            }
            if (type.equals(resourceType)) {
                put(tx, resourceId, resourceType, spec.tags());
            }
        }
    }

    private static void validate(Tag tag) {
        String key = tag.key();
        if (key == null || key.isEmpty()) {
            throw Ec2Errors.invalidParameterValue("Tag key cannot be null or empty");
        }
        if (key.length() > 128) {
            throw Ec2Errors.invalidParameterValue("Tag key exceeds the maximum length of 128 characters");
        }
        if (tag.value() != null && tag.value().length() > 256) {
            throw Ec2Errors.invalidParameterValue("Tag value exceeds the maximum length of 256 characters");
        }
        if (key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
            throw Ec2Errors.invalidParameterValue("Tag keys starting with 'aws:' are reserved for internal use");
        }
    }
}
