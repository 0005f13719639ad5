package io.kumo.elbv2.listener;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RulePriorityPair;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetRulePrioritiesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;

import java.util.List;

import static io.kumo.elbv2.listener.Elbv2Fixture.assertAwsError;
import static io.kumo.elbv2.listener.Elbv2Fixture.fixed;
import static io.kumo.elbv2.listener.Elbv2Fixture.forward;
import static io.kumo.elbv2.listener.Elbv2Fixture.path;
import static org.assertj.core.api.Assertions.assertThat;

class RuleHandlersTest {
    private final Elbv2Fixture f = new Elbv2Fixture();
    private final String lb = f.loadBalancer("web");
    private final String tg = f.targetGroup("web-tg");
    private final String listener = f.createListener(lb, 80, forward(tg)).listenerArn();

    @Test
    void createRuleReportsItWithItsTags() {
        Rule rule = new CreateRule().handle(f.ctx(), CreateRuleRequest.builder().listenerArn(listener).priority(10)
                .conditions(path("/api/*")).actions(fixed("200")).tags(Tag.builder().key("k").value("v").build()).build()).rules().getFirst();

        assertThat(rule.ruleArn()).matches(java.util.regex.Pattern.quote(listener.replace(":listener/", ":listener-rule/")) + "/[0-9a-f]{16}");
        assertThat(rule.priority()).isEqualTo("10");
        assertThat(rule.isDefault()).isFalse();
        assertThat(rule.conditions().getFirst().pathPatternConfig().values()).containsExactly("/api/*");
        assertThat(rule.actions().getFirst().fixedResponseConfig().statusCode()).isEqualTo("200");
        assertThat(f.tags(rule.ruleArn())).containsExactly("k=v");
    }

    @Test
    void prioritiesAreUniquePerListenerAndInRange() {
        f.createRule(listener, 10, path("/a"), fixed("200"));
        assertAwsError(() -> f.createRule(listener, 10, path("/b"), fixed("200")), "PriorityInUse", "Priority '10' is currently in use");
        String other = f.createListener(lb, 81, fixed("404")).listenerArn();
        assertThat(f.createRule(other, 10, path("/b"), fixed("200")).priority()).isEqualTo("10");
        assertAwsError(() -> f.createRule(listener, 0, path("/b"), fixed("200")), "ValidationError",
                "Value '0' at 'priority' failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertAwsError(() -> f.createRule(listener, 50001, path("/b"), fixed("200")), "ValidationError",
                "Member must have value less than or equal to 50000");
        assertAwsError(() -> new CreateRule().handle(f.ctx(), CreateRuleRequest.builder().listenerArn(listener).conditions(path("/x"))
                .actions(fixed("200")).build()), "ValidationError", "'Priority'");
    }

    @Test
    void theListenerMustExist() {
        String missing = listener.substring(0, listener.length() - 16) + "0000000000000000";
        assertAwsError(() -> f.createRule(missing, 1, path("/a"), fixed("200")), "ListenerNotFound", "");
    }

    @Test
    void describeRulesSortsByPriorityWithTheDefaultLastAndPages() {
        for (int priority : new int[]{300, 2, 10}) {
            f.createRule(listener, priority, path("/p" + priority), fixed("200"));
        }
        List<String> order = new DescribeRules().handle(f.ctx(), DescribeRulesRequest.builder().listenerArn(listener).build()).rules().stream()
                .map(Rule::priority).toList();
        assertThat(order).containsExactly("2", "10", "300", "default");

        DescribeRulesResponse first = new DescribeRules().handle(f.ctx(), DescribeRulesRequest.builder().listenerArn(listener).pageSize(3).build());
        assertThat(first.rules()).extracting(Rule::priority).containsExactly("2", "10", "300");
        DescribeRulesResponse rest = new DescribeRules().handle(f.ctx(), DescribeRulesRequest.builder().listenerArn(listener).pageSize(3)
                .marker(first.nextMarker()).build());
        assertThat(rest.rules()).extracting(Rule::priority).containsExactly("default");
        assertThat(rest.nextMarker()).isNull();
    }

    @Test
    void describeRulesByArnAndItsErrors() {
        Rule rule = f.createRule(listener, 1, path("/a"), fixed("200"));
        assertThat(new DescribeRules().handle(f.ctx(), DescribeRulesRequest.builder().ruleArns(rule.ruleArn()).build()).rules())
                .containsExactly(rule);
        String missing = rule.ruleArn().substring(0, rule.ruleArn().length() - 16) + "0000000000000000";
        assertAwsError(() -> new DescribeRules().handle(f.ctx(), DescribeRulesRequest.builder().ruleArns(rule.ruleArn(), missing).build()),
                "RuleNotFound", "");
        assertAwsError(() -> new DescribeRules().handle(f.ctx(), DescribeRulesRequest.builder().build()), "ValidationError",
                "You must specify either listener rule ARNs or a listener ARN");
        assertAwsError(() -> new DescribeRules().handle(f.ctx(), DescribeRulesRequest.builder().listenerArn(listener).ruleArns(rule.ruleArn())
                .build()), "ValidationError", "cannot be specified at the same time");
    }

    @Test
    void modifyRuleReplacesConditionsOrActions() {
        Rule rule = f.createRule(listener, 1, path("/a"), fixed("200"));

        Rule withActions = new ModifyRule().handle(f.ctx(), ModifyRuleRequest.builder().ruleArn(rule.ruleArn()).actions(forward(tg)).build())
                .rules().getFirst();
        assertThat(withActions.conditions()).isEqualTo(rule.conditions());
        assertThat(withActions.actions().getFirst().targetGroupArn()).isEqualTo(tg);

        Rule withConditions = new ModifyRule().handle(f.ctx(), ModifyRuleRequest.builder().ruleArn(rule.ruleArn()).conditions(path("/b", "/c"))
                .build()).rules().getFirst();
        assertThat(withConditions.conditions().getFirst().pathPatternConfig().values()).containsExactly("/b", "/c");
        assertThat(withConditions.actions()).isEqualTo(withActions.actions());
        assertThat(withConditions.priority()).isEqualTo("1");

        assertAwsError(() -> new ModifyRule().handle(f.ctx(), ModifyRuleRequest.builder().ruleArn(rule.ruleArn()).build()), "ValidationError",
                "Either conditions or actions must be specified");
    }

    @Test
    void theDefaultRuleChangesOnlyWithItsListener() {
        Rule defaultRule = rules().getLast();
        assertAwsError(() -> new ModifyRule().handle(f.ctx(), ModifyRuleRequest.builder().ruleArn(defaultRule.ruleArn()).actions(fixed("200"))
                .build()), "OperationNotPermitted", "Default rule '" + defaultRule.ruleArn() + "' cannot be modified");
        assertAwsError(() -> new DeleteRule().handle(f.ctx(), DeleteRuleRequest.builder().ruleArn(defaultRule.ruleArn()).build()),
                "OperationNotPermitted", "cannot be deleted");
        assertAwsError(() -> setPriorities(pair(defaultRule.ruleArn(), 5)), "OperationNotPermitted", "cannot be changed");
    }

    @Test
    void deleteRuleForgetsItsTags() {
        Rule rule = new CreateRule().handle(f.ctx(), CreateRuleRequest.builder().listenerArn(listener).priority(10)
                .conditions(path("/a")).actions(fixed("200")).tags(Tag.builder().key("k").value("v").build()).build()).rules().getFirst();
        new DeleteRule().handle(f.ctx(), DeleteRuleRequest.builder().ruleArn(rule.ruleArn()).build());
        assertThat(rules()).extracting(Rule::priority).containsExactly("default");
        assertThat(f.tags(rule.ruleArn())).isEmpty();
        assertAwsError(() -> new DeleteRule().handle(f.ctx(), DeleteRuleRequest.builder().ruleArn(rule.ruleArn()).build()), "RuleNotFound", "");
    }

    @Test
    void setRulePrioritiesSwapsAtOnce() {
        Rule a = f.createRule(listener, 1, path("/a"), fixed("200"));
        Rule b = f.createRule(listener, 2, path("/b"), fixed("200"));

        List<Rule> changed = setPriorities(pair(a.ruleArn(), 2), pair(b.ruleArn(), 1));

        assertThat(changed).extracting(Rule::ruleArn, Rule::priority)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a.ruleArn(), "2"), org.assertj.core.groups.Tuple.tuple(b.ruleArn(), "1"));
        assertThat(rules()).extracting(Rule::ruleArn).containsExactly(b.ruleArn(), a.ruleArn(), rules().getLast().ruleArn());
    }

    @Test
    void setRulePrioritiesChangesNothingWhenOnePairFails() {
        Rule a = f.createRule(listener, 1, path("/a"), fixed("200"));
        Rule b = f.createRule(listener, 2, path("/b"), fixed("200"));
        f.createRule(listener, 3, path("/c"), fixed("200"));

        assertAwsError(() -> setPriorities(pair(a.ruleArn(), 7), pair(b.ruleArn(), 3)), "PriorityInUse", "Priority '3' is currently in use");
        assertAwsError(() -> setPriorities(pair(a.ruleArn(), 7), pair(b.ruleArn(), 7)), "ValidationError", "Priority '7' was provided multiple times");
        assertAwsError(() -> setPriorities(pair(a.ruleArn(), 7), pair(b.ruleArn(), 0)), "ValidationError", "greater than or equal to 1");
        assertThat(rules()).extracting(Rule::priority).containsExactly("1", "2", "3", "default");
    }

    @Test
    void atMostOneHundredRulesPerLoadBalancerNotCountingDefaults() {
        String second = f.createListener(lb, 81, fixed("404")).listenerArn();
        for (int i = 1; i <= 60; i++) {
            f.createRule(listener, i, path("/a" + i), fixed("200"));
        }
        for (int i = 1; i <= 40; i++) {
            f.createRule(second, i, path("/b" + i), fixed("200"));
        }
        assertAwsError(() -> f.createRule(second, 41, path("/b41"), fixed("200")), "TooManyRules", "maximum number of rules");
        // another load balancer has its own quota
        String other = f.createListener(f.loadBalancer("other"), 80, fixed("404")).listenerArn();
        assertThat(f.createRule(other, 1, path("/x"), fixed("200")).priority()).isEqualTo("1");
    }

    private List<Rule> rules() {
        return new DescribeRules().handle(f.ctx(), DescribeRulesRequest.builder().listenerArn(listener).build()).rules();
    }

    private List<Rule> setPriorities(RulePriorityPair... pairs) {
        return new SetRulePriorities().handle(f.ctx(), SetRulePrioritiesRequest.builder().rulePriorities(pairs).build()).rules();
    }

    private static RulePriorityPair pair(String ruleArn, int priority) {
        return RulePriorityPair.builder().ruleArn(ruleArn).priority(priority).build();
    }
}
