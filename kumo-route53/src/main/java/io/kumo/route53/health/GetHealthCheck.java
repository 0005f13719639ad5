package io.kumo.route53.health;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.route53.model.GetHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.GetHealthCheckResponse;

final class GetHealthCheck implements Handler<GetHealthCheckRequest, GetHealthCheckResponse> {

    @Override
    public GetHealthCheckResponse handle(RequestContext ctx, GetHealthCheckRequest in) {
        return GetHealthCheckResponse.builder().healthCheck(ctx.read(tx -> HealthChecks.require(tx, in.healthCheckId())).toSdk()).build();
    }
}
