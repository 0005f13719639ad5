package io.kumo.route53.health;

import io.kumo.core.store.Table;
import software.amazon.awssdk.services.route53.model.HealthCheck;

import java.time.Instant;

/** A health check as stored: its configuration and version. What checkers observe is kept apart, in {@link HealthCheckStatusRecord}. */
public record HealthCheckRecord(String id, String callerReference, CheckConfig config, long version, Instant createdAt) {

    public static final Table<HealthCheckRecord> TABLE = Table.account("route53.healthChecks", HealthCheckRecord.class);

    HealthCheckRecord with(CheckConfig value) {
        return new HealthCheckRecord(id, callerReference, value, version + 1, createdAt);
    }

    HealthCheck toSdk() {
        return HealthCheck.builder().id(id).callerReference(callerReference).healthCheckConfig(config.toSdk())
                .healthCheckVersion(version).build();
    }
}
