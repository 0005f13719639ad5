package io.kumo.elbv2.targetgroup;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.support.Lookups;
import io.kumo.elbv2.targetgroup.TargetGroupRecord.Target;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeregisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeregisterTargetsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts draining the targets: they stay, {@code draining}, for the group's deregistration delay
 * and are gone after it. A target that is not registered is no error, as AWS documents.
 */
final class DeregisterTargets implements Handler<DeregisterTargetsRequest, DeregisterTargetsResponse> {

    @Override
    public DeregisterTargetsResponse handle(RequestContext ctx, DeregisterTargetsRequest in) {
        Instant now = ctx.receivedAt();
        ctx.write(tx -> {
            TargetGroupRecord group = Lookups.targetGroup(tx, in.targetGroupArn());
            List<Target> targets = new ArrayList<>(TargetGroups.present(group, now));
            var health = tx.get(TargetHealthRecord.TABLE, group.arn()).orElse(null);
            for (TargetDescription given : in.targets()) {
                String id = TargetDescriptions.id(given, group);
                int port = TargetDescriptions.port(given, group);
                int at = RegisterTargets.indexOf(targets, id, port);
                if (at >= 0 && !targets.get(at).draining()) {
                    Target target = targets.get(at);
                    targets.set(at, new Target(target.id(), target.port(), target.availabilityZone(), target.registeredAt(), now));
                    health = health == null ? null : health.without(TargetHealthRecord.key(id, port));
                }
            }
            tx.put(TargetGroupRecord.TABLE, group.arn(), group.withTargets(targets));
            if (health != null) {
                tx.put(TargetHealthRecord.TABLE, group.arn(), health);
            }
            return null;
        });
        return DeregisterTargetsResponse.builder().build();
    }
}
