package io.kumo.route53.health;

import io.kumo.core.service.Handler;
import io.kumo.core.RequestContext;
import software.amazon.awssdk.services.route53.model.GetHealthCheckStatusRequest;
import software.amazon.awssdk.services.route53.model.GetHealthCheckStatusResponse;
import software.amazon.awssdk.services.route53.model.HealthCheckObservation;
import software.amazon.awssdk.services.route53.model.StatusReport;

import java.util.List;

/**
 * The checkers' latest observations, as the health-check runtime wrote them. A check not probed yet, disabled, or
 * whose target Kumo does not probe (outside 127.0.0.0/8) has none.
 */
final class GetHealthCheckStatus implements Handler<GetHealthCheckStatusRequest, GetHealthCheckStatusResponse> {

    @Override
    public GetHealthCheckStatusResponse handle(RequestContext ctx, GetHealthCheckStatusRequest in) {
        List<HealthCheckStatusRecord.Observation> observations = ctx.read(tx -> {
            HealthChecks.require(tx, in.healthCheckId());
            return tx.get(HealthCheckStatusRecord.TABLE, in.healthCheckId()).map(HealthCheckStatusRecord::observations).orElse(List.of());
        });
        return GetHealthCheckStatusResponse.builder().healthCheckObservations(observations.stream().map(GetHealthCheckStatus::toSdk).toList())
                .build();
    }

    static HealthCheckObservation toSdk(HealthCheckStatusRecord.Observation o) {
        return HealthCheckObservation.builder().region(o.region()).ipAddress(o.ipAddress())
                .statusReport(StatusReport.builder().status(o.status()).checkedTime(o.checkedAt()).build()).build();
    }
}
