package io.kumo.elbv2.listener;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.core.store.Tx;
import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.support.Lookups;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RulePriorityPair;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetRulePrioritiesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetRulePrioritiesResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives several rules new priorities at once: all or none. Rules may swap priorities within one
 * call; a priority is in use only if a rule keeps it after the call.
 */
final class SetRulePriorities implements Handler<SetRulePrioritiesRequest, SetRulePrioritiesResponse> {

    @Override
    public SetRulePrioritiesResponse handle(RequestContext ctx, SetRulePrioritiesRequest in) {
        List<RuleRecord> changed = ctx.write(tx -> {
            List<RulePriorityPair> pairs = in.hasRulePriorities() ? in.rulePriorities() : List.of();
            if (pairs.isEmpty()) {
                throw Elbv2Errors.missing("RulePriorities");
            }
            Map<String, RuleRecord> moved = new LinkedHashMap<>();
            for (int i = 0; i < pairs.size(); i++) {
                RulePriorityPair pair = pairs.get(i);
                RuleRecord rule = Lookups.rule(tx, pair.ruleArn());
                if (rule.isDefault()) {
                    throw Elbv2Errors.of("OperationNotPermitted", "The priority of default rule '" + rule.arn() + "' cannot be changed");
                }
                int priority = Rules.checkPriority(pair.priority(), "rulePriorities." + (i + 1) + ".member.priority");
                if (moved.containsKey(rule.arn())) {
                    throw Elbv2Errors.validation("Rule '" + rule.arn() + "' was provided multiple times");
                }
                moved.put(rule.arn(), new RuleRecord(rule.arn(), rule.listenerArn(), Integer.toString(priority), rule.conditions(),
                        rule.actions(), false));
            }
            checkNoClash(tx, moved);
            moved.values().forEach(rule -> tx.put(RuleRecord.TABLE, rule.arn(), rule));
            return new ArrayList<>(moved.values());
        });
        return SetRulePrioritiesResponse.builder().rules(changed.stream().map(Rules::toSdk).toList()).build();
    }

    // Priorities are unique per listener: among the moved rules, and against the rules that stay put.
    private static void checkNoClash(Tx tx, Map<String, RuleRecord> moved) {
        Map<String, Set<String>> givenPerListener = new HashMap<>();
        for (RuleRecord rule : moved.values()) {
            if (!givenPerListener.computeIfAbsent(rule.listenerArn(), l -> new HashSet<>()).add(rule.priority())) {
                throw Elbv2Errors.validation("Priority '" + rule.priority() + "' was provided multiple times");
            }
        }
        givenPerListener.forEach((listenerArn, priorities) -> {
            for (RuleRecord staying : Rules.of(tx, listenerArn)) {
                if (!moved.containsKey(staying.arn()) && priorities.contains(staying.priority())) {
                    throw Rules.priorityInUse(Integer.parseInt(staying.priority()));
                }
            }
        });
    }
}
