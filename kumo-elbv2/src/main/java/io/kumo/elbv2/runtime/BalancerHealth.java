package io.kumo.elbv2.runtime;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * An Application Load Balancer's health as Route 53 judges it for an alias with EvaluateTargetHealth (AWS's AliasTarget
 * documentation): healthy when every target group its listeners forward to holds at least one healthy target. A group
 * without registered targets counts as unhealthy, and so does a load balancer that forwards to no group at all (it
 * has no target that could be healthy), or one that is not active (still provisioning, or deleted).
 */
final class BalancerHealth {
    private BalancerHealth() {
    }

    /** @param healthyTarget whether the health checker's latest verdict on (group ARN, target key) is healthy */
    static boolean healthy(ElbPlans plans, String dnsNameOrArn, BiPredicate<String, String> healthyTarget) {
        Optional<ElbPlans.Balancer> found = find(plans, dnsNameOrArn);
        if (found.isEmpty()) {
            return false;
        }
        Set<String> groups = groupsOf(found.get());
        if (groups.isEmpty()) {
            return false;
        }
        for (String arn : groups) {
            ElbPlans.Group group = plans.groups().get(arn);
            if (group == null || group.targets().stream().noneMatch(t -> healthyTarget.test(arn, t.key()))) {
                return false;
            }
        }
        return true;
    }

    /** The target groups any rule of any listener forwards to (weighted forwards count every group). */
    static Set<String> groupsOf(ElbPlans.Balancer lb) {
        Set<String> out = new LinkedHashSet<>();
        lb.listeners().values().forEach(l -> l.rules().forEach(r -> r.actions().forEach(a -> out.addAll(a.targetGroupArns()))));
        return out;
    }

    private static Optional<ElbPlans.Balancer> find(ElbPlans plans, String dnsNameOrArn) {
        if (dnsNameOrArn.startsWith("arn:")) {
            return plans.byDnsName().values().stream().filter(b -> b.arn().equals(dnsNameOrArn)).findFirst();
        }
        String name = dnsNameOrArn.toLowerCase(Locale.ROOT);
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        name = name.startsWith("dualstack.") ? name.substring("dualstack.".length()) : name;
        return Optional.ofNullable(plans.byDnsName().get(name));
    }
}
