package io.kumo.elbv2.listener;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.loadbalancer.LoadBalancerRecord;
import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.support.Lookups;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyRuleResponse;

import java.util.List;

/**
 * Replaces a rule's conditions, actions or both (each as a whole list). The default rule is
 * refused, as AWS refuses it: its actions change through ModifyListener.
 */
final class ModifyRule implements Handler<ModifyRuleRequest, ModifyRuleResponse> {

    @Override
    public ModifyRuleResponse handle(RequestContext ctx, ModifyRuleRequest in) {
        RuleRecord modified = ctx.write(tx -> {
            RuleRecord rule = Lookups.rule(tx, in.ruleArn());
            if (rule.isDefault()) {
                throw Rules.defaultRuleRefused(rule, "modified");
            }
            boolean newConditions = in.hasConditions() && !in.conditions().isEmpty();
            boolean newActions = in.hasActions() && !in.actions().isEmpty();
            if (!newConditions && !newActions) {
                throw Elbv2Errors.validation("Either conditions or actions must be specified");
            }
            ListenerRecord listener = Lookups.listener(tx, rule.listenerArn());
            LoadBalancerRecord lb = Lookups.loadBalancer(tx, listener.loadBalancerArn());
            List<Condition> conditions = newConditions ? Conditions.fromSdk(in.conditions()) : rule.conditions();
            List<Action> actions = newActions
                    ? Actions.fromSdk(tx, in.actions(), new ActionTarget(lb, listener.protocol(), listener.port(), "actions"))
                    : rule.actions();
            RuleRecord changed = new RuleRecord(rule.arn(), rule.listenerArn(), rule.priority(), conditions, actions, false);
            tx.put(RuleRecord.TABLE, changed.arn(), changed);
            return changed;
        });
        return ModifyRuleResponse.builder().rules(Rules.toSdk(modified)).build();
    }
}
