package io.kumo.route53;

import io.kumo.core.service.ServiceBinder;
import io.kumo.core.service.ServiceModule;
import io.kumo.route53.health.HealthCheckActions;
import io.kumo.route53.record.RecordActions;
import io.kumo.route53.support.ChangeRecord;
import io.kumo.route53.support.GetChange;
import io.kumo.route53.tag.TagActions;
import io.kumo.route53.zone.ZoneActions;
import software.amazon.awssdk.services.route53.model.GetChangeRequest;

/**
 * Route 53's control plane: hosted zones, record sets, health checks and tags. Each area
 * registers its own actions; this only puts them together. The zones' answers, which Kumo's DNS
 * server asks for, come from {@link io.kumo.route53.runtime.ZoneResolver} (see docs/route53.md).
 */
public final class Route53Module implements ServiceModule {

    @Override
    public String modelName() {
        return "route53";
    }

    @Override
    public void install(ServiceBinder binder) {
        binder.table(ChangeRecord.TABLE);
        binder.operation("GetChange", GetChangeRequest.class, new GetChange(binder.kernel().clock()));
        ZoneActions.register(binder);
        RecordActions.register(binder);
        HealthCheckActions.register(binder);
        TagActions.register(binder);
        binder.controller(new io.kumo.route53.runtime.HealthCheckRunner(binder.kernel().store(), binder.kernel().clock()));
        binder.provide(io.kumo.core.dns.HostedZoneAnswers.class, io.kumo.route53.runtime.ZoneResolver.over(binder.kernel().store(),
                binder.kernel().settings().defaultRegion(), () -> binder.kernel().contracts().find(io.kumo.core.dns.GeneratedNames.class),
                () -> binder.kernel().contracts().find(io.kumo.core.dns.LoadBalancerHealth.class)));
    }
}
