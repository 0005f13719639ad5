package io.kumo.elbv2.listener;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.loadbalancer.LoadBalancerRecord;
import io.kumo.elbv2.support.Arns;
import io.kumo.elbv2.support.Lookups;
import io.kumo.elbv2.tag.Tags;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleResponse;

import java.util.List;

/** Adds a rule to a listener at a priority no other of its rules holds. */
final class CreateRule implements Handler<CreateRuleRequest, CreateRuleResponse> {

    @Override
    public CreateRuleResponse handle(RequestContext ctx, CreateRuleRequest in) {
        RuleRecord rule = ctx.write(tx -> {
            ListenerRecord listener = Lookups.listener(tx, in.listenerArn());
            LoadBalancerRecord lb = Lookups.loadBalancer(tx, listener.loadBalancerArn());
            int priority = Rules.checkPriority(in.priority(), "priority");
            List<Condition> conditions = Conditions.fromSdk(in.hasConditions() ? in.conditions() : List.of());
            List<Action> actions = Actions.fromSdk(tx, in.hasActions() ? in.actions() : List.of(),
                    new ActionTarget(lb, listener.protocol(), listener.port(), "actions"));
            Rules.checkPriorityFree(tx, listener.arn(), priority);
            Rules.checkRoomFor(tx, lb.arn());
            RuleRecord created = new RuleRecord(Arns.rule(listener.arn()), listener.arn(), Integer.toString(priority), conditions, actions,
                    false);
            tx.put(RuleRecord.TABLE, created.arn(), created);
            Tags.add(tx, created.arn(), in.hasTags() ? in.tags() : List.of());
            return created;
        });
        return CreateRuleResponse.builder().rules(Rules.toSdk(rule)).build();
    }
}
