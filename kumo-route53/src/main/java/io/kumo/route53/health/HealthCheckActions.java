package io.kumo.route53.health;

import io.kumo.core.service.ServiceBinder;
import software.amazon.awssdk.services.route53.model.CreateHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.DeleteHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.GetHealthCheckCountRequest;
import software.amazon.awssdk.services.route53.model.GetHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.ListHealthChecksRequest;
import software.amazon.awssdk.services.route53.model.UpdateHealthCheckRequest;

/** Health checks' configuration and status; {@link io.kumo.route53.runtime.HealthCheckRunner} runs them. */
public final class HealthCheckActions {

    private HealthCheckActions() {
    }

    public static void register(ServiceBinder binder) {
        binder.table(HealthCheckRecord.TABLE);
        binder.table(HealthCheckStatusRecord.TABLE);
        binder.operation("CreateHealthCheck", CreateHealthCheckRequest.class, new CreateHealthCheck());
        binder.operation("GetHealthCheck", GetHealthCheckRequest.class, new GetHealthCheck());
        binder.operation("ListHealthChecks", ListHealthChecksRequest.class, new ListHealthChecks());
        binder.operation("UpdateHealthCheck", UpdateHealthCheckRequest.class, new UpdateHealthCheck());
        binder.operation("DeleteHealthCheck", DeleteHealthCheckRequest.class, new DeleteHealthCheck());
        binder.operation("GetHealthCheckStatus", software.amazon.awssdk.services.route53.model.GetHealthCheckStatusRequest.class,
                new GetHealthCheckStatus());
        binder.operation("GetHealthCheckLastFailureReason",
                software.amazon.awssdk.services.route53.model.GetHealthCheckLastFailureReasonRequest.class, new GetHealthCheckLastFailureReason());
        binder.operation("GetHealthCheckCount", GetHealthCheckCountRequest.class, new GetHealthCheckCount());
    }
}
