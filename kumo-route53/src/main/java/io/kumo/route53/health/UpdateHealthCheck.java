package io.kumo.route53.health;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.route53.support.Route53Errors;
import software.amazon.awssdk.services.route53.model.UpdateHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.UpdateHealthCheckResponse;

import java.util.List;

/**
 * Changes what may change (not the type, interval or latency measurement), resets the elements
 * ResetElements names, and bumps the version. A stale HealthCheckVersion is refused.
 */
final class UpdateHealthCheck implements Handler<UpdateHealthCheckRequest, UpdateHealthCheckResponse> {

    @Override
    public UpdateHealthCheckResponse handle(RequestContext ctx, UpdateHealthCheckRequest in) {
        HealthCheckRecord updated = ctx.write(tx -> {
            HealthCheckRecord current = HealthChecks.require(tx, in.healthCheckId());
            if (in.healthCheckVersion() != null && in.healthCheckVersion() != current.version()) {
                throw Route53Errors.of("HealthCheckVersionMismatch", "The value of HealthCheckVersion in the request ("
                        + in.healthCheckVersion() + ") is not the health check's current version (" + current.version() + ").", 409);
            }
            CheckConfig merged = HealthCheckRules.check(tx, merge(current.config(), in));
            HealthCheckRecord next = current.with(merged);
            tx.put(HealthCheckRecord.TABLE, next.id(), next);
            return next;
        });
        return UpdateHealthCheckResponse.builder().healthCheck(updated.toSdk()).build();
    }

    private static CheckConfig merge(CheckConfig c, UpdateHealthCheckRequest in) {
        List<String> reset = in.hasResetElements() ? in.resetElementsAsStrings() : List.of();
        String fqdn = reset.contains("FullyQualifiedDomainName") ? null : pick(in.fullyQualifiedDomainName(), c.fullyQualifiedDomainName());
        String path = reset.contains("ResourcePath") ? null : pick(in.resourcePath(), c.resourcePath());
        List<String> regions = reset.contains("Regions") ? List.of() : in.hasRegions() ? in.regionsAsStrings() : c.regions();
        List<String> children = reset.contains("ChildHealthChecks") ? List.of()
                : in.hasChildHealthChecks() ? in.childHealthChecks() : c.childHealthChecks();
        return new CheckConfig(c.type(), pick(in.ipAddress(), c.ipAddress()), pick(in.port(), c.port()), path, fqdn,
                pick(in.searchString(), c.searchString()), c.requestInterval(), pick(in.failureThreshold(), c.failureThreshold()),
                c.measureLatency(), pick(in.inverted(), c.inverted()), pick(in.disabled(), c.disabled()),
                pick(in.healthThreshold(), c.healthThreshold()), children, pick(in.enableSNI(), c.enableSni()), regions);
    }

    private static <T> T pick(T given, T current) {
        return given != null ? given : current;
    }
}
