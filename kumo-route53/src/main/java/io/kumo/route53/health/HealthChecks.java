package io.kumo.route53.health;

import io.kumo.core.store.Tx;
import io.kumo.route53.support.Route53Errors;

/** Finding health checks by id. */
public final class HealthChecks {
    private HealthChecks() {
    }

    public static HealthCheckRecord require(Tx tx, String id) {
        return tx.get(HealthCheckRecord.TABLE, id).orElseThrow(() -> Route53Errors.noSuchHealthCheck(id));
    }
}
