package io.kumo.route53.health;

import io.kumo.core.service.Handler;
import io.kumo.core.RequestContext;
import software.amazon.awssdk.services.route53.model.GetHealthCheckLastFailureReasonRequest;
import software.amazon.awssdk.services.route53.model.GetHealthCheckLastFailureReasonResponse;

import java.util.Optional;

/** The last failed observation, as the health-check runtime kept it; none when the check never failed. */
final class GetHealthCheckLastFailureReason
        implements Handler<GetHealthCheckLastFailureReasonRequest, GetHealthCheckLastFailureReasonResponse> {

    @Override
    public GetHealthCheckLastFailureReasonResponse handle(RequestContext ctx, GetHealthCheckLastFailureReasonRequest in) {
        Optional<HealthCheckStatusRecord.Observation> failure = ctx.read(tx -> {
            HealthChecks.require(tx, in.healthCheckId());
            return tx.get(HealthCheckStatusRecord.TABLE, in.healthCheckId()).map(HealthCheckStatusRecord::lastFailure);
        });
        return GetHealthCheckLastFailureReasonResponse.builder()
                .healthCheckObservations(failure.map(GetHealthCheckStatus::toSdk).stream().toList()).build();
    }
}
