package io.kumo.elbv2.runtime;

import io.kumo.core.store.StoreScope;
import io.kumo.elbv2.listener.Action;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Route 53's rule for an ALB alias with EvaluateTargetHealth, over plans built by hand. */
class BalancerHealthTest {
    private static final String LB_ARN = "arn:aws:elasticloadbalancing:ap-northeast-1:000000000000:loadbalancer/app/web/1";
    private static final String DNS = "web-1.ap-northeast-1.elb.localhost";

    private static ElbPlans.Target target(String key) {
        return new ElbPlans.Target(key, key.split(":")[0], "10.0.0.5", 80, "ap-northeast-1a", false, true, Instant.EPOCH);
    }

    private static ElbPlans.Group group(String arn, ElbPlans.Target... targets) {
        return new ElbPlans.Group(new StoreScope("000000000000", "ap-northeast-1"), arn, "HTTP", 80, null, Map.of(), List.of(targets), List.of());
    }

    private static Action forward(String... groups) {
        List<Action.WeightedTargetGroup> weighted = java.util.Arrays.stream(groups).map(g -> new Action.WeightedTargetGroup(g, 1)).toList();
        return new Action("forward", null, null, new Action.Forward(weighted, false, null), null, null);
    }

    private static ElbPlans plans(List<Action> actions, ElbPlans.Group... groups) {
        ElbPlans.Listener listener = new ElbPlans.Listener("listener", 80, List.of(new ElbPlans.Rule(List.of(), actions)), null);
        ElbPlans.Balancer lb = new ElbPlans.Balancer(LB_ARN, "vpc-1", DNS, true, 60, Map.of(80, listener), List.of(), List.of(), Set.of());
        return new ElbPlans(Map.of(DNS, lb), java.util.Arrays.stream(groups).collect(java.util.stream.Collectors.toMap(ElbPlans.Group::arn, g -> g)));
    }

    @Test
    void healthyWhileEveryGroupItForwardsToHasAHealthyTarget() {
        ElbPlans plans = plans(List.of(forward("tg-a", "tg-b")), group("tg-a", target("i-1:80"), target("i-2:80")), group("tg-b", target("i-3:80")));
        Set<String> healthy = new java.util.HashSet<>(Set.of("tg-a|i-2:80", "tg-b|i-3:80"));
        assertThat(BalancerHealth.healthy(plans, DNS, (g, t) -> healthy.contains(g + "|" + t))).isTrue();
        assertThat(BalancerHealth.healthy(plans, "DualStack." + DNS.toUpperCase() + ".", (g, t) -> healthy.contains(g + "|" + t))).isTrue();
        assertThat(BalancerHealth.healthy(plans, LB_ARN, (g, t) -> healthy.contains(g + "|" + t))).isTrue();
        healthy.remove("tg-b|i-3:80");
        assertThat(BalancerHealth.healthy(plans, DNS, (g, t) -> healthy.contains(g + "|" + t))).as("one group has none healthy").isFalse();
    }

    @Test
    void aGroupWithoutTargetsNoGroupAtAllOrNoSuchLoadBalancerIsUnhealthy() {
        assertThat(BalancerHealth.healthy(plans(List.of(forward("tg-a")), group("tg-a")), DNS, (g, t) -> true)).isFalse();
        Action fixed = new Action("fixed-response", null, null, null, null, new Action.FixedResponse("ok", "200", "text/plain"));
        assertThat(BalancerHealth.healthy(plans(List.of(fixed)), DNS, (g, t) -> true)).isFalse();
        assertThat(BalancerHealth.healthy(plans(List.of(forward("tg-a")), group("tg-a", target("i-1:80"))), "other.elb.localhost", (g, t) -> true))
                .isFalse();
    }
}
