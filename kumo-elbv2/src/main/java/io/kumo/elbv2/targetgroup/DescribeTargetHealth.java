package io.kumo.elbv2.targetgroup;

import io.kumo.core.RequestContext;
import io.kumo.core.network.VpcDirectory;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.support.Lookups;
import io.kumo.elbv2.targetgroup.TargetGroupRecord.Target;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The health of every target in the group (draining ones included), or of the targets named: a
 * named target without a port stands for all its registrations; one that is not registered is
 * {@code unused} with Target.NotRegistered, and an instance that does not exist is InvalidTarget
 * (which the target-deregistered waiter takes as success).
 */
final class DescribeTargetHealth implements Handler<DescribeTargetHealthRequest, DescribeTargetHealthResponse> {

    private final Supplier<VpcDirectory> vpcs;

    DescribeTargetHealth(Supplier<VpcDirectory> vpcs) {
        this.vpcs = vpcs;
    }

    @Override
    public DescribeTargetHealthResponse handle(RequestContext ctx, DescribeTargetHealthRequest in) {
        Instant now = ctx.receivedAt();
        List<TargetHealthDescription> out = ctx.read(tx -> {
            TargetGroupRecord group = Lookups.targetGroup(tx, in.targetGroupArn());
            TargetHealthReport report = new TargetHealthReport(tx, vpcs.get(), group);
            List<Target> present = TargetGroups.present(group, now);
            if (!in.hasTargets()) {
                return present.stream().map(report::of).toList();
            }
            Set<String> missing = new LinkedHashSet<>();
            List<TargetHealthDescription> named = new ArrayList<>();
            for (TargetDescription given : in.targets()) {
                String id = TargetDescriptions.id(given, group);
                if (group.targetType().equals("instance") && vpcs.get().instance(tx, id).isEmpty()) {
                    missing.add(id);
                    continue;
                }
                List<Target> registrations = present.stream()
                        .filter(t -> t.id().equals(id) && (given.port() == null || t.port() == given.port()))
                        .toList();
                if (registrations.isEmpty()) {
                    named.add(report.notRegistered(id, TargetDescriptions.port(given, group), given.availabilityZone()));
                } else {
                    registrations.forEach(t -> named.add(report.of(t)));
                }
            }
            if (!missing.isEmpty()) {
                throw Elbv2Errors.of("InvalidTarget", "The following targets are invalid: "
                        + String.join(", ", missing.stream().map(id -> "'" + id + "'").toList()));
            }
            return named;
        });
        return DescribeTargetHealthResponse.builder().targetHealthDescriptions(out).build();
    }
}
