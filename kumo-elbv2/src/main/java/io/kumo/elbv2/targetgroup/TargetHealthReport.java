package io.kumo.elbv2.targetgroup;

import io.kumo.core.network.VpcDirectory;
import io.kumo.core.store.Tx;
import io.kumo.elbv2.loadbalancer.LoadBalancerRecord;
import io.kumo.elbv2.support.Attachments;
import io.kumo.elbv2.targetgroup.TargetGroupRecord.Target;
import io.kumo.elbv2.targetgroup.TargetHealthRecord.Observation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealth;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A target's health as DescribeTargetHealth tells it. The health checker only observes
 * healthy and unhealthy ({@link TargetHealthRecord}); the rest follows from the registration and
 * its surroundings, first match wins: draining while deregistering; unused while the instance is
 * not running, while no rule forwards to the group, or while the target's zone is enabled on none
 * of the group's load balancers; then the checker's verdict, or initial until it has one.
 */
final class TargetHealthReport {
    private final Tx tx;
    private final VpcDirectory vpcs;
    private final TargetGroupRecord group;
    private final List<LoadBalancerRecord> loadBalancers;
    private final Map<String, Observation> observations;

    TargetHealthReport(Tx tx, VpcDirectory vpcs, TargetGroupRecord group) {
        this.tx = tx;
        this.vpcs = vpcs;
        this.group = group;
        this.loadBalancers = Attachments.loadBalancersOf(tx, group.arn()).stream()
                .flatMap(arn -> tx.get(LoadBalancerRecord.TABLE, arn).stream())
                .toList();
        this.observations = tx.get(TargetHealthRecord.TABLE, group.arn()).map(TargetHealthRecord::observations).orElse(Map.of());
    }

    TargetHealthDescription of(Target target) {
        return describe(target.id(), target.port(), shownZone(target), health(target));
    }

    TargetHealthDescription notRegistered(String id, int port, String zone) {
        return describe(id, port, zone, health("unused", "Target.NotRegistered", "Target is not registered to the target group"));
    }

    private TargetHealth health(Target target) {
        if (target.draining()) {
            return health("draining", "Target.DeregistrationInProgress", "Target deregistration is in progress");
        }
        Optional<TargetHealth> invalid = instanceState(target);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        if (loadBalancers.isEmpty()) {
            return health("unused", "Target.NotInUse", "Target group is not configured to receive traffic from the load balancer");
        }
        String zone = target.availabilityZone();
        if (zone != null && !zone.equals(TargetDescriptions.ALL_ZONES) && loadBalancers.stream().noneMatch(lb -> lb.hasZone(zone))) {
            return health("unused", "Target.NotInUse", "Target is in an Availability Zone that is not enabled for the load balancer");
        }
        Observation seen = observations.get(TargetHealthRecord.key(target.id(), target.port()));
        if (seen == null || seen.observedAt().isBefore(target.registeredAt())) {
            // nothing observed since this registration (an older observation belongs to an earlier one)
            return health("initial", "Elb.RegistrationInProgress", "Target registration is in progress");
        }
        if (seen.state().equals(TargetHealthRecord.HEALTHY)) {
            return TargetHealth.builder().state("healthy").build();
        }
        return health(seen.state(), seen.reason(), seen.description());
    }

    private Optional<TargetHealth> instanceState(Target target) {
        if (!group.targetType().equals("instance")) {
            return Optional.empty();
        }
        String state = vpcs.instance(tx, target.id()).map(VpcDirectory.Instance::state).orElse("terminated");
        return switch (state) {
            case "running" -> Optional.empty();
            case "stopped", "stopping" -> Optional.of(health("unused", "Target.InvalidState", "Target is in the stopped state"));
            case "terminated", "shutting-down" -> Optional.of(health("unused", "Target.InvalidState", "Target is in the terminated state"));
            default -> Optional.of(health("unused", "Target.InvalidState", "Target is in an invalid state"));
        };
    }

    // AWS shows the zone of ip targets as registered; instance targets are shown by id and port only.
    private String shownZone(Target target) {
        return group.targetType().equals("ip") ? target.availabilityZone() : null;
    }

    private TargetHealthDescription describe(String id, int port, String zone, TargetHealth health) {
        String checkPort = group.healthCheck().port().equals(HealthCheckSettings.TRAFFIC_PORT) ? Integer.toString(port) : group.healthCheck().port();
        return TargetHealthDescription.builder()
                .target(TargetDescription.builder().id(id).port(port).availabilityZone(zone).build())
                .healthCheckPort(checkPort)
                .targetHealth(health)
                .build();
    }

    private static TargetHealth health(String state, String reason, String description) {
        return TargetHealth.builder().state(state).reason(reason).description(description).build();
    }
}
