package io.kumo.route53.tag;

import io.kumo.core.store.Tx;
import io.kumo.route53.health.HealthChecks;
import io.kumo.route53.support.Route53Errors;
import io.kumo.route53.zone.Zones;

/** The resources that carry tags: hosted zones and health checks. */
final class TaggedResources {
    private TaggedResources() {
    }

    /** The bare id of an existing resource, or AWS's error for a missing one or an unknown type. */
    static String require(Tx tx, String type, String id) {
        if (id == null) {
            throw Route53Errors.invalidInput("Missing required parameter ResourceId");
        }
        return switch (type == null ? "" : type) {
            case "hostedzone" -> Zones.require(tx, id).id();
            case "healthcheck" -> HealthChecks.require(tx, id).id();
            default -> throw Route53Errors.invalidInput("1 validation error detected: Value '" + type
                    + "' at 'resourceType' failed to satisfy constraint: Member must satisfy enum value set: [healthcheck, hostedzone]");
        };
    }

    static TagSet tags(Tx tx, String type, String id) {
        return tx.get(TagSet.TABLE, TagSet.key(type, id)).orElse(new TagSet(java.util.Map.of()));
    }
}
