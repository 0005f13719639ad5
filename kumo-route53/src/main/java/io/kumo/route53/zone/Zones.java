package io.kumo.route53.zone;

import io.kumo.core.store.Tx;
import io.kumo.route53.support.DnsNames;
import io.kumo.route53.support.Route53Errors;

/** Finding hosted zones by the ids clients send ("Z123" or "/hostedzone/Z123"), and reading zone names. */
public final class Zones {
    private Zones() {
    }

    public static String bareId(String id) {
        return id.startsWith("/hostedzone/") ? id.substring("/hostedzone/".length()) : id;
    }

    public static HostedZoneRecord require(Tx tx, String id) {
        String bare = bareId(id);
        return tx.get(HostedZoneRecord.TABLE, bare).orElseThrow(() -> Route53Errors.noSuchHostedZone(bare));
    }

    /** A zone's name: a domain name of at least one label, not the root. */
    static String zoneName(String name) {
        try {
            return DnsNames.parse(name);
        } catch (IllegalArgumentException e) {
            throw Route53Errors.invalidDomainName(name == null ? "" : name);
        }
    }
}
