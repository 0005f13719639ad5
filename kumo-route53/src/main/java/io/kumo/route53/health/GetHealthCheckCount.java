package io.kumo.route53.health;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.route53.model.GetHealthCheckCountRequest;
import software.amazon.awssdk.services.route53.model.GetHealthCheckCountResponse;

final class GetHealthCheckCount implements Handler<GetHealthCheckCountRequest, GetHealthCheckCountResponse> {

    @Override
    public GetHealthCheckCountResponse handle(RequestContext ctx, GetHealthCheckCountRequest in) {
        long count = ctx.read(tx -> tx.list(HealthCheckRecord.TABLE).size());
        return GetHealthCheckCountResponse.builder().healthCheckCount(count).build();
    }
}
