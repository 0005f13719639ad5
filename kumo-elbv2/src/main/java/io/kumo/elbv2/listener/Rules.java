package io.kumo.elbv2.listener;

import io.kumo.core.AwsException;
import io.kumo.core.store.Tx;
import io.kumo.elbv2.support.Arns;
import io.kumo.elbv2.support.Elbv2Errors;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;

import java.util.Comparator;
import java.util.List;

/** Rules of listeners: AWS's order (by priority, the default rule last), limits and reporting. */
final class Rules {
    /** Rules per load balancer, default rules not counted: AWS's quota is per load balancer, not per listener. */
    static final int MOST_PER_LOAD_BALANCER = 100;

    static final Comparator<RuleRecord> BY_PRIORITY = Comparator.comparing(RuleRecord::isDefault)
            .thenComparingInt(r -> r.isDefault() ? 0 : Integer.parseInt(r.priority()));

    private Rules() {
    }

    /** The listener's rules, by priority, the default rule last. */
    static List<RuleRecord> of(Tx tx, String listenerArn) {
        return tx.list(RuleRecord.TABLE).stream().filter(r -> r.listenerArn().equals(listenerArn)).sorted(BY_PRIORITY).toList();
    }

    static RuleRecord defaultOf(Tx tx, String listenerArn) {
        return of(tx, listenerArn).stream().filter(RuleRecord::isDefault).findFirst()
                .orElseThrow(() -> new IllegalStateException("listener " + listenerArn + " has no default rule"));
    }

    static RuleRecord newDefault(String listenerArn, List<Action> actions) {
        return new RuleRecord(Arns.rule(listenerArn), listenerArn, RuleRecord.DEFAULT_PRIORITY, List.of(), actions,
                true);
    }

    static int checkPriority(Integer priority, String path) {
        if (priority == null) {
            throw Elbv2Errors.missing("Priority");
        }
        return ModelConstraints.range(priority, path, 1, 50000);
    }

    static void checkPriorityFree(Tx tx, String listenerArn, int priority) {
        if (of(tx, listenerArn).stream().anyMatch(r -> r.priority().equals(Integer.toString(priority)))) {
            throw priorityInUse(priority);
        }
    }

    static AwsException priorityInUse(int priority) {
        return Elbv2Errors.of("PriorityInUse", "Priority '" + priority + "' is currently in use");
    }

    static void checkRoomFor(Tx tx, String loadBalancerArn) {
        long rules = Listeners.of(tx, loadBalancerArn).stream()
                .flatMap(listener -> of(tx, listener.arn()).stream())
                .filter(r -> !r.isDefault())
                .count();
        if (rules >= MOST_PER_LOAD_BALANCER) {
            throw Elbv2Errors.of("TooManyRules", "The maximum number of rules on load balancer " + loadBalancerArn + " has been reached ("
                    + MOST_PER_LOAD_BALANCER + ")");
        }
    }

    static AwsException defaultRuleRefused(RuleRecord rule, String what) {
        return Elbv2Errors.of("OperationNotPermitted", "Default rule '" + rule.arn() + "' cannot be " + what);
    }

    static Rule toSdk(RuleRecord rule) {
        return Rule.builder()
                .ruleArn(rule.arn())
                .priority(rule.priority())
                .conditions(Conditions.toSdk(rule.conditions()))
                .actions(Actions.toSdk(rule.actions()))
                .isDefault(rule.isDefault())
                .build();
    }
}
