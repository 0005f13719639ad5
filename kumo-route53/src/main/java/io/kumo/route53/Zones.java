package io.kumo.route53;

import io.kumo.core.AwsException;
import io.kumo.core.store.Tx;

/** Finding hosted zones by the ids clients send ("Z123" or "/hostedzone/Z123"). */
final class Zones {
    private Zones() {
    }

    static String bareId(String id) {
        return id.startsWith("/hostedzone/") ? id.substring("/hostedzone/".length()) : id;
    }

    static HostedZoneRecord require(Tx tx, String id) {
        String bare = bareId(id);
        return tx.get(HostedZoneRecord.TABLE, bare)
                .orElseThrow(() -> new AwsException("NoSuchHostedZone", "No hosted zone found with ID: " + bare, 404));
    }
}
