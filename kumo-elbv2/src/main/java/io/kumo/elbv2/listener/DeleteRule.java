package io.kumo.elbv2.listener;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.support.Lookups;
import io.kumo.elbv2.tag.Tags;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteRuleResponse;

/** Deletes a rule and its tags; the default rule goes only with its listener. */
final class DeleteRule implements Handler<DeleteRuleRequest, DeleteRuleResponse> {

    @Override
    public DeleteRuleResponse handle(RequestContext ctx, DeleteRuleRequest in) {
        ctx.write(tx -> {
            RuleRecord rule = Lookups.rule(tx, in.ruleArn());
            if (rule.isDefault()) {
                throw Rules.defaultRuleRefused(rule, "deleted");
            }
            tx.delete(RuleRecord.TABLE, rule.arn());
            Tags.forget(tx, rule.arn());
            return null;
        });
        return DeleteRuleResponse.builder().build();
    }
}
