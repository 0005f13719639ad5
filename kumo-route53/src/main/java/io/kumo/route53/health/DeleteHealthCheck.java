package io.kumo.route53.health;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.route53.tag.TagSet;
import software.amazon.awssdk.services.route53.model.DeleteHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.DeleteHealthCheckResponse;

/**
 * Deletes a health check even when records still name it, as AWS does today (its HealthCheckInUse
 * error is no longer used); the DNS server treats a record whose check is gone as healthy.
 */
final class DeleteHealthCheck implements Handler<DeleteHealthCheckRequest, DeleteHealthCheckResponse> {

    @Override
    public DeleteHealthCheckResponse handle(RequestContext ctx, DeleteHealthCheckRequest in) {
        ctx.write(tx -> {
            HealthCheckRecord check = HealthChecks.require(tx, in.healthCheckId());
            tx.delete(HealthCheckRecord.TABLE, check.id());
            tx.delete(HealthCheckStatusRecord.TABLE, check.id());
            return tx.delete(TagSet.TABLE, TagSet.key("healthcheck", check.id()));
        });
        return DeleteHealthCheckResponse.builder().build();
    }
}
