package io.kumo.route53.health;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.route53.support.Route53Errors;
import software.amazon.awssdk.services.route53.model.CreateHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.CreateHealthCheckResponse;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;

import java.util.Map;
import java.util.UUID;

/**
 * Creates a health check. Retrying with the same CallerReference and the same configuration
 * answers the existing check (idempotent); a different configuration is HealthCheckAlreadyExists.
 */
final class CreateHealthCheck implements Handler<CreateHealthCheckRequest, CreateHealthCheckResponse> {

    @Override
    public CreateHealthCheckResponse handle(RequestContext ctx, CreateHealthCheckRequest in) {
        HealthCheckConfig sdk = in.healthCheckConfig();
        if (sdk == null) {
            throw Route53Errors.invalidInput("Missing required parameter HealthCheckConfig");
        }
        CheckConfig asked = fromSdk(sdk);
        Map.Entry<HealthCheckRecord, Boolean> result = ctx.write(tx -> {
            CheckConfig config = HealthCheckRules.check(tx, asked);
            for (HealthCheckRecord existing : tx.list(HealthCheckRecord.TABLE)) {
                if (existing.callerReference().equals(in.callerReference())) {
                    if (existing.config().equals(config)) {
                        return Map.entry(existing, false);
                    }
                    throw Route53Errors.of("HealthCheckAlreadyExists", "A health check with the caller reference "
                            + in.callerReference() + " already exists, with a different configuration.", 409);
                }
            }
            HealthCheckRecord created = new HealthCheckRecord(UUID.randomUUID().toString(), in.callerReference(), config, 1,
                    ctx.receivedAt());
            tx.put(HealthCheckRecord.TABLE, created.id(), created);
            return Map.entry(created, true);
        });
        return CreateHealthCheckResponse.builder().healthCheck(result.getKey().toSdk())
                .location("https://route53.amazonaws.com/2013-04-01/healthcheck/" + result.getKey().id()).build();
    }

    static CheckConfig fromSdk(HealthCheckConfig c) {
        return new CheckConfig(c.typeAsString(), c.ipAddress(), c.port(), c.resourcePath(), c.fullyQualifiedDomainName(),
                c.searchString(), c.requestInterval() == null ? 30 : c.requestInterval(),
                c.failureThreshold() == null ? 3 : c.failureThreshold(), Boolean.TRUE.equals(c.measureLatency()),
                Boolean.TRUE.equals(c.inverted()), Boolean.TRUE.equals(c.disabled()), c.healthThreshold(),
                c.hasChildHealthChecks() ? c.childHealthChecks() : null, c.enableSNI(),
                c.hasRegions() ? c.regionsAsStrings() : null);
    }
}
