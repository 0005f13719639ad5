package io.kumo.elbv2.listener;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.support.Lookups;
import io.kumo.elbv2.support.Pages;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesResponse;

import java.util.LinkedHashSet;
import java.util.List;

/** Lists a listener's rules (by priority, the default rule last), or the rules named, in pages. */
final class DescribeRules implements Handler<DescribeRulesRequest, DescribeRulesResponse> {

    @Override
    public DescribeRulesResponse handle(RequestContext ctx, DescribeRulesRequest in) {
        boolean byArns = in.hasRuleArns() && !in.ruleArns().isEmpty();
        if (byArns && in.listenerArn() != null) {
            throw Elbv2Errors.validation("Listener rule ARNs and a listener ARN cannot be specified at the same time");
        }
        if (!byArns && in.listenerArn() == null) {
            throw Elbv2Errors.validation("You must specify either listener rule ARNs or a listener ARN");
        }
        List<RuleRecord> rules = ctx.read(tx -> byArns
                ? new LinkedHashSet<>(in.ruleArns()).stream().map(arn -> Lookups.rule(tx, arn)).toList()
                : Rules.of(tx, Lookups.listener(tx, in.listenerArn()).arn()));
        Pages.Page<RuleRecord> page = Pages.of(rules, in.marker(), in.pageSize());
        return DescribeRulesResponse.builder()
                .rules(page.items().stream().map(Rules::toSdk).toList())
                .nextMarker(page.nextMarker())
                .build();
    }
}
