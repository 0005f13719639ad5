package io.kumo.route53.record;

/**
 * Whether an alias target outside the zone exists: a load balancer, a CloudFront distribution,
 * an S3 website. Targets inside the zone are the zone's own record sets, checked by the batch.
 */
public interface AliasTargets {

    enum Verdict {
        FOUND,
        /** The hosted zone id is a service's, but the name is not one of that zone's names. */
        OUTSIDE_ZONE,
        NOT_FOUND
    }

    /** @param hostedZoneId bare; @param dnsName canonical; @param type the alias record's type */
    Verdict check(String hostedZoneId, String dnsName, String type);

    /** Refuses every target outside the zone (tests of pure batch logic). */
    AliasTargets NONE = (zone, name, type) -> Verdict.NOT_FOUND;
}
