package io.kumo.route53.health;

import io.kumo.core.store.Table;

import java.time.Instant;
import java.util.List;

/**
 * What the health-check runtime (not built yet) observes, one value per health check, written
 * only by that runtime: one observation per checker (AWS runs checkers in several regions and
 * reports each in GetHealthCheckStatus), and the verdict the DNS server routes by. Kept apart
 * from {@link HealthCheckRecord} so observations never race the API's updates of the configuration.
 *
 * @param healthy        the verdict after failureThreshold, inverted and disabled are applied
 *                       (a disabled check is healthy, as AWS considers it)
 * @param changedAt      when the verdict last changed
 * @param lastFailure    the last failed observation's reason, for GetHealthCheckLastFailureReason
 */
public record HealthCheckStatusRecord(String healthCheckId, List<Observation> observations, boolean healthy, Instant changedAt,
                                      Observation lastFailure) {

    public static final Table<HealthCheckStatusRecord> TABLE = Table.account("route53.healthCheckStatus", HealthCheckStatusRecord.class);

    /**
     * One checker's latest result, in AWS's StatusReport form.
     *
     * @param region    the checker's region (HealthCheckRegion values, such as "us-east-1")
     * @param ipAddress the address the checker probes from
     * @param status    AWS's text, such as "Success: HTTP Status Code 200, OK" or "Failure: Connection timed out"
     */
    public record Observation(String region, String ipAddress, boolean success, String status, Instant checkedAt) {
    }

    public HealthCheckStatusRecord {
        observations = observations == null ? List.of() : List.copyOf(observations);
    }
}
