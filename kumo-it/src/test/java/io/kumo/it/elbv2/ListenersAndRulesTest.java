package io.kumo.it.elbv2;

import io.kumo.it.KumoHarness;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.FixedResponseActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.PathPatternConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RedirectActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RulePriorityPair;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupStickinessConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Listeners and rules through the real query protocol, on a load balancer made with the real API. */
class ListenersAndRulesTest {
    private static final String FAKE_LISTENER =
            "arn:aws:elasticloadbalancing:ap-northeast-1:000000000000:listener/app/none/0123456789abcdef/0123456789abcdef";

    private final Ec2Client ec2 = KumoHarness.shared().ec2();
    private final ElasticLoadBalancingV2Client elb = KumoHarness.shared().elbv2();
    private String loadBalancer;
    private String blue;
    private String green;

    // CreateLoadBalancer and CreateTargetGroup are the other areas' APIs; the tests that need them call this first.
    private void loadBalancerAndTargetGroups() {
        String suffix = Long.toHexString(System.nanoTime()).substring(0, 8);
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.40.0.0/16")).vpc().vpcId();
        String subnetA = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.40.1.0/24").availabilityZone("ap-northeast-1a")).subnet().subnetId();
        String subnetC = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.40.2.0/24").availabilityZone("ap-northeast-1c")).subnet().subnetId();
        ec2.attachInternetGateway(r -> r.vpcId(vpc).internetGatewayId(ec2.createInternetGateway().internetGateway().internetGatewayId()));
        loadBalancer = createLoadBalancer("lr-" + suffix, subnetA, subnetC);
        blue = elb.createTargetGroup(r -> r.name("blue-" + suffix).protocol("HTTP").port(80).vpcId(vpc)).targetGroups().getFirst()
                .targetGroupArn();
        green = elb.createTargetGroup(r -> r.name("green-" + suffix).protocol("HTTP").port(80).vpcId(vpc)).targetGroups().getFirst()
                .targetGroupArn();
    }

    @Test
    void listenerWithWeightedForwardAndRulesInPriorityOrder() {
        loadBalancerAndTargetGroups();
        Action weighted = Action.builder().type("forward").forwardConfig(ForwardActionConfig.builder()
                .targetGroups(TargetGroupTuple.builder().targetGroupArn(blue).weight(90).build(),
                        TargetGroupTuple.builder().targetGroupArn(green).weight(10).build())
                .targetGroupStickinessConfig(TargetGroupStickinessConfig.builder().enabled(true).durationSeconds(300).build()).build()).build();
        Listener listener = elb.createListener(r -> r.loadBalancerArn(loadBalancer).protocol("HTTP").port(80).defaultActions(weighted)
                .tags(t -> t.key("team").value("web"))).listeners().getFirst();
        assertThat(listener.port()).isEqualTo(80);
        assertThat(listener.defaultActions().getFirst().forwardConfig().targetGroups()).extracting(TargetGroupTuple::weight)
                .containsExactly(90, 10);
        assertThat(elb.describeListeners(r -> r.loadBalancerArn(loadBalancer)).listeners()).containsExactly(listener);

        Rule api = elb.createRule(r -> r.listenerArn(listener.listenerArn()).priority(20).conditions(path("/api/*")).actions(forward(blue)))
                .rules().getFirst();
        Rule old = elb.createRule(r -> r.listenerArn(listener.listenerArn()).priority(10).conditions(path("/old/*")).actions(
                Action.builder().type("redirect").redirectConfig(RedirectActionConfig.builder().path("/new/#{path}").statusCode("HTTP_301")
                        .build()).build())).rules().getFirst();
        assertThat(rules(listener)).extracting(Rule::priority).containsExactly("10", "20", "default");

        elb.setRulePriorities(r -> r.rulePriorities(RulePriorityPair.builder().ruleArn(api.ruleArn()).priority(10).build(),
                RulePriorityPair.builder().ruleArn(old.ruleArn()).priority(20).build()));
        assertThat(rules(listener)).extracting(Rule::ruleArn).startsWith(api.ruleArn(), old.ruleArn());

        elb.modifyRule(r -> r.ruleArn(api.ruleArn()).actions(fixed("503")));
        assertThat(elb.describeRules(r -> r.ruleArns(api.ruleArn())).rules().getFirst().actions().getFirst().fixedResponseConfig()
                .statusCode()).isEqualTo("503");

        Rule defaultRule = rules(listener).getLast();
        fails("OperationNotPermitted", () -> elb.deleteRule(r -> r.ruleArn(defaultRule.ruleArn())));
        fails("PriorityInUse", () -> elb.createRule(r -> r.listenerArn(listener.listenerArn()).priority(20).conditions(path("/x"))
                .actions(fixed("200"))));
        fails("DuplicateListener", () -> elb.createListener(r -> r.loadBalancerArn(loadBalancer).protocol("HTTP").port(80)
                .defaultActions(fixed("200"))));
        fails("ValidationError", () -> elb.createListener(r -> r.loadBalancerArn(loadBalancer).protocol("HTTPS").port(443)
                .defaultActions(fixed("200"))));
        fails("CertificateNotFound", () -> elb.createListener(r -> r.loadBalancerArn(loadBalancer).protocol("HTTPS").port(443)
                .certificates(c -> c.certificateArn("arn:aws:acm:ap-northeast-1:000000000000:certificate/00000000-0000-0000-0000-000000000000"))
                .defaultActions(fixed("200"))));
        fails("InvalidLoadBalancerAction", () -> elb.createListener(r -> r.loadBalancerArn(loadBalancer).protocol("HTTP").port(81)
                .defaultActions(Action.builder().type("redirect").redirectConfig(RedirectActionConfig.builder().statusCode("HTTP_302")
                        .build()).build())));

        elb.deleteListener(r -> r.listenerArn(listener.listenerArn()));
        fails("ListenerNotFound", () -> elb.describeRules(r -> r.listenerArn(listener.listenerArn())));
        fails("RuleNotFound", () -> elb.describeRules(r -> r.ruleArns(api.ruleArn())));
    }

    @Test
    void aTargetGroupServesOneLoadBalancer() {
        loadBalancerAndTargetGroups();
        elb.createListener(r -> r.loadBalancerArn(loadBalancer).protocol("HTTP").port(80).defaultActions(forward(blue)));
        String[] subnets = elb.describeLoadBalancers(r -> r.loadBalancerArns(loadBalancer)).loadBalancers().getFirst().availabilityZones()
                .stream().map(z -> z.subnetId()).toArray(String[]::new);
        String other = createLoadBalancer("other-" + Long.toHexString(System.nanoTime()).substring(0, 8), subnets);
        fails("TargetGroupAssociationLimit", () -> elb.createListener(r -> r.loadBalancerArn(other).protocol("HTTP").port(80)
                .defaultActions(forward(blue))));
    }

    @Test
    void errorsAboutMissingListenersAndRulesTravelTheWire() {
        fails("ListenerNotFound", () -> elb.describeListeners(r -> r.listenerArns(FAKE_LISTENER)));
        fails("ValidationError", () -> elb.describeRules(r -> r.pageSize(10)));
        fails("ValidationError", () -> elb.describeListeners(r -> r.listenerArns("arn:not-a-listener")));
    }

    private String createLoadBalancer(String name, String... subnets) {
        return elb.createLoadBalancer(r -> r.name(name).subnets(subnets)).loadBalancers().getFirst().loadBalancerArn();
    }

    private List<Rule> rules(Listener listener) {
        return elb.describeRules(r -> r.listenerArn(listener.listenerArn())).rules();
    }

    private static RuleCondition path(String pattern) {
        return RuleCondition.builder().field("path-pattern").pathPatternConfig(PathPatternConditionConfig.builder().values(pattern).build()).build();
    }

    private static Action forward(String targetGroupArn) {
        return Action.builder().type("forward").targetGroupArn(targetGroupArn).build();
    }

    private static Action fixed(String status) {
        return Action.builder().type("fixed-response").fixedResponseConfig(FixedResponseActionConfig.builder().statusCode(status).build())
                .build();
    }

    private static void fails(String code, ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsServiceException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code));
    }
}
