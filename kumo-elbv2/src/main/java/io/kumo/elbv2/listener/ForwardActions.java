package io.kumo.elbv2.listener;

import io.kumo.core.store.Tx;
import io.kumo.elbv2.support.Arns;
import io.kumo.elbv2.support.Attachments;
import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.targetgroup.TargetGroupRecord;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupStickinessConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Forward actions: to one target group (TargetGroupArn) or weighted over up to five (ForwardConfig),
 * optionally sticky. Each target group must exist, live in the load balancer's VPC, speak HTTP or
 * HTTPS, and be used by no other load balancer.
 */
final class ForwardActions {
    static final int MOST_TARGET_GROUPS = 5;
    static final int MOST_WEIGHT = 999;
    static final int MOST_STICKINESS_SECONDS = 604800;

    private ForwardActions() {
    }

    static Action fromSdk(Tx tx, software.amazon.awssdk.services.elasticloadbalancingv2.model.Action given, Integer order,
                          ActionTarget target, String path) {
        String single = given.targetGroupArn();
        ForwardActionConfig config = given.forwardConfig();
        boolean weighted = config != null && config.hasTargetGroups() && !config.targetGroups().isEmpty();
        if (single == null && !weighted) {
            throw Elbv2Errors.of("InvalidLoadBalancerAction",
                    "For actions of type 'forward', you must specify the following fields: 'TargetGroupArn' or 'ForwardConfig'");
        }
        List<Action.WeightedTargetGroup> groups = weighted ? weightedGroups(config.targetGroups(), path) : List.of(
                new Action.WeightedTargetGroup(single, 1));
        if (single != null && weighted && (groups.size() != 1 || !groups.getFirst().targetGroupArn().equals(single))) {
            throw Elbv2Errors.of("InvalidLoadBalancerAction",
                    "TargetGroupArn and ForwardConfig can be given together only when ForwardConfig holds that one target group");
        }
        checkTargetGroups(tx, groups, target);
        TargetGroupStickinessConfig stickiness = config == null ? null : config.targetGroupStickinessConfig();
        boolean sticky = stickiness != null && Boolean.TRUE.equals(stickiness.enabled());
        Integer duration = null;
        if (sticky) {
            if (stickiness.durationSeconds() == null) {
                throw Elbv2Errors.validation("A stickiness duration must be specified when target group stickiness is enabled");
            }
            duration = ModelConstraints.range(stickiness.durationSeconds(),
                    path + ".forwardConfig.targetGroupStickinessConfig.durationSeconds", 1, MOST_STICKINESS_SECONDS);
        }
        return new Action(Actions.FORWARD, order, single, new Action.Forward(groups, sticky, duration), null, null);
    }

    private static List<Action.WeightedTargetGroup> weightedGroups(List<TargetGroupTuple> tuples, String path) {
        if (tuples.size() > MOST_TARGET_GROUPS) {
            throw Elbv2Errors.validation("A forward action can have at most " + MOST_TARGET_GROUPS + " target groups");
        }
        Set<String> seen = new HashSet<>();
        List<Action.WeightedTargetGroup> out = new ArrayList<>();
        for (int i = 0; i < tuples.size(); i++) {
            TargetGroupTuple tuple = tuples.get(i);
            if (tuple.targetGroupArn() == null) {
                throw Elbv2Errors.missing("ForwardConfig.TargetGroups.member." + (i + 1) + ".TargetGroupArn");
            }
            if (!seen.add(tuple.targetGroupArn())) {
                throw Elbv2Errors.validation("Target group '" + tuple.targetGroupArn() + "' is specified more than once in the forward action");
            }
            // Like AWS, an unweighted target group counts as weight 1.
            int weight = tuple.weight() == null ? 1 : ModelConstraints.range(tuple.weight(),
                    path + ".forwardConfig.targetGroups." + (i + 1) + ".member.weight", 0, MOST_WEIGHT);
            out.add(new Action.WeightedTargetGroup(tuple.targetGroupArn(), weight));
        }
        return out;
    }

    private static void checkTargetGroups(Tx tx, List<Action.WeightedTargetGroup> groups, ActionTarget target) {
        String loadBalancerArn = target.loadBalancer().arn();
        Set<String> usedElsewhere = new LinkedHashSet<>();
        for (Action.WeightedTargetGroup group : groups) {
            String arn = Arns.checkTargetGroup(group.targetGroupArn());
            TargetGroupRecord tg = tx.get(TargetGroupRecord.TABLE, arn)
                    .orElseThrow(() -> Elbv2Errors.of("TargetGroupNotFound", "Target group '" + arn + "' not found"));
            if (!tg.vpcId().equals(target.loadBalancer().vpcId())) {
                throw Elbv2Errors.invalidConfiguration("Target group '" + arn + "' is in a different VPC than load balancer '"
                        + loadBalancerArn + "'");
            }
            checkProtocols(tg, target.listenerProtocol());
            if (Attachments.loadBalancersOf(tx, arn).stream().anyMatch(lb -> !lb.equals(loadBalancerArn))) {
                usedElsewhere.add(arn);
            }
        }
        if (!usedElsewhere.isEmpty()) {
            throw Elbv2Errors.of("TargetGroupAssociationLimit",
                    "The following target groups cannot be associated with more than one load balancer: " + String.join(", ", usedElsewhere));
        }
    }

    private static void checkProtocols(TargetGroupRecord tg, String listenerProtocol) {
        if (!tg.targetType().equals("instance") && !tg.targetType().equals("ip")) {
            throw Elbv2Errors.invalidConfiguration("Target group '" + tg.arn() + "' has target type '" + tg.targetType()
                    + "', which application load balancers cannot forward to in Kumo");
        }
        if (!tg.protocol().equals("HTTP") && !tg.protocol().equals("HTTPS")) {
            throw Elbv2Errors.of("IncompatibleProtocols", "Target group '" + tg.arn() + "' has protocol '" + tg.protocol()
                    + "', which is incompatible with an application load balancer; use HTTP or HTTPS");
        }
        String version = tg.protocolVersion();
        if (version != null && !version.equals("HTTP1") && !listenerProtocol.equals("HTTPS")) {
            throw Elbv2Errors.of("IncompatibleProtocols", "Target group '" + tg.arn() + "' uses protocol version '" + version
                    + "', which is supported only with HTTPS listeners");
        }
    }
}
