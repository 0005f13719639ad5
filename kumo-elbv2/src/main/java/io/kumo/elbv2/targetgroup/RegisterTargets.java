package io.kumo.elbv2.targetgroup;

import io.kumo.core.RequestContext;
import io.kumo.core.network.VpcDirectory;
import io.kumo.core.regions.Regions;
import io.kumo.core.service.Handler;
import io.kumo.core.store.Tx;
import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.support.Lookups;
import io.kumo.elbv2.targetgroup.TargetGroupRecord.Target;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Registers instances (running, in the group's VPC) or IP addresses (in the VPC, or in a private
 * range with the zone "all") on their port or the group's. Registering a registered target again
 * changes nothing; registering a draining one registers it anew.
 */
final class RegisterTargets implements Handler<RegisterTargetsRequest, RegisterTargetsResponse> {
    static final int MOST_TARGETS = 1000;

    private final Supplier<VpcDirectory> vpcs;

    RegisterTargets(Supplier<VpcDirectory> vpcs) {
        this.vpcs = vpcs;
    }

    @Override
    public RegisterTargetsResponse handle(RequestContext ctx, RegisterTargetsRequest in) {
        Instant now = ctx.receivedAt();
        ctx.write(tx -> {
            TargetGroupRecord group = Lookups.targetGroup(tx, in.targetGroupArn());
            List<Target> wanted = group.targetType().equals("instance")
                    ? instances(tx, group, in.targets(), now)
                    : addresses(tx, group, in.targets(), ctx.region(), now);
            List<Target> targets = new ArrayList<>(TargetGroups.present(group, now));
            for (Target target : wanted) {
                int at = indexOf(targets, target.id(), target.port());
                if (at < 0) {
                    targets.add(target);
                } else if (targets.get(at).draining()) {
                    targets.set(at, target);
                }
            }
            if (targets.size() > MOST_TARGETS) {
                throw Elbv2Errors.of("TooManyTargets", "You've reached the limit on the number of targets");
            }
            tx.put(TargetGroupRecord.TABLE, group.arn(), group.withTargets(targets));
            return null;
        });
        return RegisterTargetsResponse.builder().build();
    }

    static int indexOf(List<Target> targets, String id, int port) {
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).id().equals(id) && targets.get(i).port() == port) {
                return i;
            }
        }
        return -1;
    }

    private List<Target> instances(Tx tx, TargetGroupRecord group, List<TargetDescription> given, Instant now) {
        Set<String> missing = new LinkedHashSet<>();
        Set<String> elsewhere = new LinkedHashSet<>();
        Set<String> notRunning = new LinkedHashSet<>();
        List<Target> out = new ArrayList<>();
        for (TargetDescription target : given) {
            String id = TargetDescriptions.id(target, group);
            if (target.availabilityZone() != null) {
                throw Elbv2Errors.validation("An Availability Zone cannot be given for targets of type 'instance'");
            }
            int port = TargetDescriptions.port(target, group);
            var instance = vpcs.get().instance(tx, id);
            if (instance.isEmpty()) {
                missing.add(id);
                continue;
            }
            if (!group.vpcId().equals(instance.get().vpcId())) {
                elsewhere.add(id);
            } else if (!instance.get().state().equals("running")) {
                notRunning.add(id);
            }
            out.add(new Target(id, port, instance.get().availabilityZone(), now, null));
        }
        if (!missing.isEmpty()) {
            throw Elbv2Errors.of("InvalidTarget", "The following instances do not exist: " + quoted(missing));
        }
        if (!elsewhere.isEmpty()) {
            throw Elbv2Errors.of("InvalidTarget", "The following targets are not in the target group's VPC '" + group.vpcId() + "': "
                    + quoted(elsewhere));
        }
        if (!notRunning.isEmpty()) {
            throw Elbv2Errors.of("InvalidTarget", "The following targets are not in a running state and cannot be registered: "
                    + quoted(notRunning));
        }
        return out;
    }

    private List<Target> addresses(Tx tx, TargetGroupRecord group, List<TargetDescription> given, String region, Instant now) {
        var vpcBlocks = vpcs.get().vpcCidrs(tx, group.vpcId()).stream().map(io.kumo.core.net.Ipv4Cidr::parse).toList();
        List<Target> out = new ArrayList<>();
        for (TargetDescription target : given) {
            String id = TargetDescriptions.id(target, group);
            var address = TargetDescriptions.ipAddress(id);
            int port = TargetDescriptions.port(target, group);
            String zone = target.availabilityZone();
            if (zone != null && !zone.equals(TargetDescriptions.ALL_ZONES)
                    && Regions.find(region).flatMap(r -> r.zone(zone)).isEmpty()) {
                throw Elbv2Errors.validation("The Availability Zone '" + zone + "' is not valid for region '" + region + "'");
            }
            if (vpcBlocks.stream().noneMatch(b -> b.contains(address))) {
                if (TargetDescriptions.PRIVATE_RANGES.stream().noneMatch(b -> b.contains(address))) {
                    throw Elbv2Errors.of("InvalidTarget", "The IP address '" + id + "' is neither in the target group's VPC '"
                            + group.vpcId() + "' nor in 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10");
                }
                if (!TargetDescriptions.ALL_ZONES.equals(zone)) {
                    throw Elbv2Errors.validation("The IP address '" + id + "' is outside the target group's VPC '" + group.vpcId()
                            + "': its Availability Zone must be 'all'");
                }
            }
            out.add(new Target(id, port, zone, now, null));
        }
        return out;
    }

    private static String quoted(Set<String> ids) {
        return String.join(", ", ids.stream().map(id -> "'" + id + "'").toList());
    }
}
