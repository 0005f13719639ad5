package io.kumo.ec2.support;

import io.kumo.core.store.Table;

import java.util.regex.Pattern;

/**
 * A kind of EC2 resource addressed by an id with a prefix (vpc-, subnet-, i-...): how its ids
 * look, where it is stored, and the error codes that name it.
 *
 * @param resourceType the ResourceType value of tags and TagSpecifications (vpc, subnet, instance...)
 * @param messageNoun  how NotFound messages name one id ("vpc ID"), see {@link Ec2Errors#notFound}; with an
 *                     "s" it names several ("vpc IDs")
 */
public record ResourceKind(
        String prefix,
        String resourceType,
        Table<?> table,
        String notFoundCode,
        String malformedCode,
        String messageNoun) {

    private static final Pattern HEX_ID = Pattern.compile("[0-9a-f]{8}|[0-9a-f]{17}");

    /** How NotFound messages name several ids ("vpc IDs"). */
    public String messageNounPlural() {
        return messageNoun + "s";
    }

    public boolean owns(String id) {
        return id != null && id.startsWith(prefix + "-");
    }

    public boolean wellFormed(String id) {
        return owns(id) && HEX_ID.matcher(id.substring(prefix.length() + 1)).matches();
    }

    /** Throws the kind's Malformed error unless the id looks like one of its ids. */
    public String check(String id) {
        if (!wellFormed(id)) {
            throw Ec2Errors.malformed(this, id);
        }
        return id;
    }
}
