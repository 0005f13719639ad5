package io.kumo.elbv2.listener;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.FixedResponseActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RedirectActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupStickinessConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import static io.kumo.elbv2.listener.Elbv2Fixture.assertAwsError;
import static io.kumo.elbv2.listener.Elbv2Fixture.fixed;
import static io.kumo.elbv2.listener.Elbv2Fixture.forward;
import static io.kumo.elbv2.listener.Elbv2Fixture.path;
import static io.kumo.elbv2.listener.Elbv2Fixture.redirect;
import static org.assertj.core.api.Assertions.assertThat;

/** Actions as listeners and rules take them; the checks are the same for both. */
class ActionsTest {
    private final Elbv2Fixture f = new Elbv2Fixture();
    private final String lb = f.loadBalancer("web");
    private final String blue = f.targetGroup("blue");
    private final String green = f.targetGroup("green");

    @Test
    void weightedForwardWithStickinessIsKeptAsGiven() {
        Action given = Action.builder().type("forward").forwardConfig(ForwardActionConfig.builder()
                .targetGroups(tuple(blue, 80), tuple(green, 20))
                .targetGroupStickinessConfig(TargetGroupStickinessConfig.builder().enabled(true).durationSeconds(3600).build())
                .build()).build();

        Action action = f.createListener(lb, 80, given).defaultActions().getFirst();

        assertThat(action.targetGroupArn()).isNull();
        assertThat(action.forwardConfig().targetGroups()).extracting(TargetGroupTuple::targetGroupArn, TargetGroupTuple::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(blue, 80), org.assertj.core.groups.Tuple.tuple(green, 20));
        assertThat(action.forwardConfig().targetGroupStickinessConfig().enabled()).isTrue();
        assertThat(action.forwardConfig().targetGroupStickinessConfig().durationSeconds()).isEqualTo(3600);
    }

    @Test
    void aForwardConfigOfOneTargetGroupAlsoReportsItsArn() {
        Action given = Action.builder().type("forward").forwardConfig(ForwardActionConfig.builder().targetGroups(
                TargetGroupTuple.builder().targetGroupArn(blue).build()).build()).build();
        Action action = f.createListener(lb, 80, given).defaultActions().getFirst();
        assertThat(action.targetGroupArn()).isEqualTo(blue);
        assertThat(action.forwardConfig().targetGroups().getFirst().weight()).isEqualTo(1);
    }

    @Test
    void forwardChecksItsTargetGroupsAndWeights() {
        assertAwsError(() -> f.createListener(lb, 80, Action.builder().type("forward").build()), "InvalidLoadBalancerAction",
                "For actions of type 'forward', you must specify");
        assertAwsError(() -> f.createListener(lb, 80, weighted(tuple(blue, 1000))), "ValidationError",
                "Member must have value less than or equal to 999");
        assertAwsError(() -> f.createListener(lb, 80, weighted(tuple(blue, -1))), "ValidationError",
                "Member must have value greater than or equal to 0");
        assertAwsError(() -> f.createListener(lb, 80, weighted(tuple(blue, 1), tuple(blue, 2))), "ValidationError", "more than once");
        String[] six = {blue, green, f.targetGroup("c"), f.targetGroup("d"), f.targetGroup("e"), f.targetGroup("f")};
        assertAwsError(() -> f.createListener(lb, 80, weighted(tuple(six[0], 1), tuple(six[1], 1), tuple(six[2], 1), tuple(six[3], 1),
                tuple(six[4], 1), tuple(six[5], 1))), "ValidationError", "at most 5 target groups");
        assertAwsError(() -> f.createListener(lb, 80, Action.builder().type("forward").targetGroupArn(blue)
                .forwardConfig(ForwardActionConfig.builder().targetGroups(tuple(green, 1)).build()).build()),
                "InvalidLoadBalancerAction", "TargetGroupArn and ForwardConfig");
    }

    @Test
    void stickinessNeedsADurationOfOneSecondToAWeek() {
        assertAwsError(() -> f.createListener(lb, 80, sticky(null)), "ValidationError", "stickiness duration must be specified");
        assertAwsError(() -> f.createListener(lb, 80, sticky(0)), "ValidationError", "greater than or equal to 1");
        assertAwsError(() -> f.createListener(lb, 80, sticky(604801)), "ValidationError", "less than or equal to 604800");
        assertThat(f.createListener(lb, 80, sticky(604800)).defaultActions().getFirst().forwardConfig().targetGroupStickinessConfig()
                .durationSeconds()).isEqualTo(604800);
    }

    @Test
    void theTargetGroupsMustExistInTheLoadBalancersVpcAndSpeakHttp() {
        String missing = blue.substring(0, blue.length() - 16) + "0000000000000000";
        assertAwsError(() -> f.createListener(lb, 80, forward(missing)), "TargetGroupNotFound", "Target group '" + missing + "' not found");
        assertAwsError(() -> f.createListener(lb, 80, forward("arn:bad")), "ValidationError", "is not a valid target group ARN");
        String elsewhere = f.targetGroup("elsewhere", Elbv2Fixture.OTHER_VPC, "HTTP", "instance", "HTTP1");
        assertAwsError(() -> f.createListener(lb, 80, forward(elsewhere)), "InvalidConfigurationRequest",
                "is in a different VPC than load balancer '" + lb + "'");
        String tcp = f.targetGroup("tcp", Elbv2Fixture.VPC, "TCP", "instance", null);
        assertAwsError(() -> f.createListener(lb, 80, forward(tcp)), "IncompatibleProtocols", "'TCP'");
        String grpc = f.targetGroup("grpc", Elbv2Fixture.VPC, "HTTP", "ip", "GRPC");
        assertAwsError(() -> f.createListener(lb, 80, forward(grpc)), "IncompatibleProtocols", "only with HTTPS listeners");
        String https = f.targetGroup("https", Elbv2Fixture.VPC, "HTTPS", "ip", "HTTP1");
        assertThat(f.createListener(lb, 80, forward(https)).defaultActions().getFirst().targetGroupArn()).isEqualTo(https);
    }

    @Test
    void aTargetGroupServesOneLoadBalancerOnly() {
        Listener first = f.createListener(lb, 80, forward(blue));
        // the same load balancer may use it again, on another listener or in a rule
        f.createListener(lb, 81, forward(blue));
        f.createRule(first.listenerArn(), 1, path("/x"), forward(blue));

        String other = f.loadBalancer("other");
        assertAwsError(() -> f.createListener(other, 80, weighted(tuple(green, 1), tuple(blue, 1))), "TargetGroupAssociationLimit",
                "The following target groups cannot be associated with more than one load balancer: " + blue);
    }

    @Test
    void redirectsFillInTheRequestsOwnPartsAndRefuseLoops() {
        Action action = f.createListener(lb, 80, redirect(RedirectActionConfig.builder().protocol("HTTPS").port("443")
                .statusCode("HTTP_301").build())).defaultActions().getFirst();
        RedirectActionConfig r = action.redirectConfig();
        assertThat(r.protocol()).isEqualTo("HTTPS");
        assertThat(r.port()).isEqualTo("443");
        assertThat(r.host()).isEqualTo("#{host}");
        assertThat(r.path()).isEqualTo("/#{path}");
        assertThat(r.query()).isEqualTo("#{query}");
        assertThat(r.statusCodeAsString()).isEqualTo("HTTP_301");

        assertAwsError(() -> f.createListener(lb, 81, redirect(RedirectActionConfig.builder().statusCode("HTTP_302").build())),
                "InvalidLoadBalancerAction", "The redirect configuration is not valid because it creates a loop.");
        assertAwsError(() -> f.createListener(lb, 81, redirect(RedirectActionConfig.builder().protocol("HTTP").port("81")
                .statusCode("HTTP_302").build())), "InvalidLoadBalancerAction", "creates a loop");
        assertThat(f.createListener(lb, 82, redirect(RedirectActionConfig.builder().host("www.example.com").statusCode("HTTP_302")
                .build())).defaultActions().getFirst().redirectConfig().host()).isEqualTo("www.example.com");
    }

    @Test
    void redirectPartsAreChecked() {
        assertAwsError(() -> f.createListener(lb, 80, Action.builder().type("redirect").build()), "InvalidLoadBalancerAction",
                "For actions of type 'redirect', you must specify the following fields: 'RedirectConfig'");
        assertAwsError(() -> f.createListener(lb, 80, redirect(RedirectActionConfig.builder().statusCode("HTTP_307").host("a.b").build())),
                "ValidationError", "Value 'HTTP_307' at 'defaultActions.1.member.redirectConfig.statusCode' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [HTTP_301, HTTP_302]");
        assertAwsError(() -> f.createListener(lb, 80, redirect(RedirectActionConfig.builder().protocol("FTP").statusCode("HTTP_301").build())),
                "ValidationError", "Member must satisfy regular expression pattern: ^(HTTPS?|#\\{protocol\\})$");
        assertAwsError(() -> f.createListener(lb, 80, redirect(RedirectActionConfig.builder().path("no-slash").statusCode("HTTP_301").build())),
                "InvalidLoadBalancerAction", "must start with a '/'");
        assertAwsError(() -> f.createListener(lb, 80, redirect(RedirectActionConfig.builder().port("70000").statusCode("HTTP_301").build())),
                "InvalidLoadBalancerAction", "redirect port");
        assertAwsError(() -> f.createListener(lb, 80, redirect(RedirectActionConfig.builder().query("?a=b").statusCode("HTTP_301").build())),
                "InvalidLoadBalancerAction", "'?'");
        assertAwsError(() -> f.createListener(lb, 80, redirect(RedirectActionConfig.builder().host("h".repeat(129)).statusCode("HTTP_301")
                .build())), "ValidationError", "Member must have length between 1 and 128");
    }

    @Test
    void fixedResponsesAreChecked() {
        Action action = f.createListener(lb, 80, fixed("418")).defaultActions().getFirst();
        assertThat(action.fixedResponseConfig().statusCode()).isEqualTo("418");
        assertThat(action.fixedResponseConfig().contentType()).isEqualTo("text/plain");
        assertThat(action.fixedResponseConfig().messageBody()).isEqualTo("hi");

        assertAwsError(() -> f.createListener(lb, 81, fixed("302")), "ValidationError",
                "Value '302' at 'defaultActions.1.member.fixedResponseConfig.statusCode' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: ^(2|4|5)\\d\\d$");
        assertAwsError(() -> f.createListener(lb, 81, fixedWith(FixedResponseActionConfig.builder().statusCode("200").contentType("image/png"))),
                "InvalidLoadBalancerAction", "The ContentType must be one of");
        assertAwsError(() -> f.createListener(lb, 81, fixedWith(FixedResponseActionConfig.builder().statusCode("200").messageBody("x".repeat(1025)))),
                "ValidationError", "Member must have length between 0 and 1024");
        assertThat(f.createListener(lb, 81, fixedWith(FixedResponseActionConfig.builder().statusCode("200").messageBody("x".repeat(1024))))
                .defaultActions().getFirst().fixedResponseConfig().messageBody()).hasSize(1024);
        assertAwsError(() -> f.createListener(lb, 82, Action.builder().type("fixed-response").build()), "InvalidLoadBalancerAction",
                "'FixedResponseConfig'");
    }

    @Test
    void typesOrdersAndCountsAreChecked() {
        assertAwsError(() -> f.createListener(lb, 80, Action.builder().type("teleport").build()), "ValidationError",
                "Value 'teleport' at 'defaultActions.1.member.type' failed to satisfy constraint: Member must satisfy enum value set");
        assertAwsError(() -> f.createListener(lb, 80, Action.builder().type("authenticate-oidc").build()), "InvalidLoadBalancerAction",
                "are not supported by Kumo");
        assertAwsError(() -> f.createListener(lb, 80, fixed("200").toBuilder().order(50001).build()), "ValidationError",
                "Value '50001' at 'defaultActions.1.member.order'");
        assertAwsError(() -> f.createListener(lb, 80, fixed("200"), forward(blue)), "TooManyActions", "only one");
        assertAwsError(() -> f.createListener(lb, 80), "ValidationError", "At least one action");
        assertThat(f.createListener(lb, 80, fixed("200").toBuilder().order(7).build()).defaultActions().getFirst().order()).isEqualTo(7);
    }

    private static TargetGroupTuple tuple(String arn, int weight) {
        return TargetGroupTuple.builder().targetGroupArn(arn).weight(weight).build();
    }

    private static Action weighted(TargetGroupTuple... tuples) {
        return Action.builder().type("forward").forwardConfig(ForwardActionConfig.builder().targetGroups(tuples).build()).build();
    }

    private Action sticky(Integer seconds) {
        return Action.builder().type("forward").forwardConfig(ForwardActionConfig.builder().targetGroups(tuple(blue, 1), tuple(green, 1))
                .targetGroupStickinessConfig(TargetGroupStickinessConfig.builder().enabled(true).durationSeconds(seconds).build()).build())
                .build();
    }

    private static Action fixedWith(FixedResponseActionConfig.Builder config) {
        return Action.builder().type("fixed-response").fixedResponseConfig(config.build()).build();
    }
}
