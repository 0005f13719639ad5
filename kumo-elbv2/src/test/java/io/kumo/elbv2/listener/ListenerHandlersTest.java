package io.kumo.elbv2.listener;

import io.kumo.elbv2.tag.Tags;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RedirectActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;

import java.util.ArrayList;
import java.util.List;

import static io.kumo.elbv2.listener.Elbv2Fixture.assertAwsError;
import static io.kumo.elbv2.listener.Elbv2Fixture.fixed;
import static io.kumo.elbv2.listener.Elbv2Fixture.forward;
import static io.kumo.elbv2.listener.Elbv2Fixture.path;
import static io.kumo.elbv2.listener.Elbv2Fixture.redirect;
import static org.assertj.core.api.Assertions.assertThat;

class ListenerHandlersTest {
    private final Elbv2Fixture f = new Elbv2Fixture();
    private final String lb = f.loadBalancer("web");
    private final String tg = f.targetGroup("web-tg");

    @Test
    void createListenerReportsItAndMakesItsDefaultRule() {
        Listener listener = new CreateListener(() -> Elbv2Fixture.NO_CERTIFICATES).handle(f.ctx(), CreateListenerRequest.builder().loadBalancerArn(lb).protocol("HTTP").port(80)
                .defaultActions(forward(tg)).tags(Tag.builder().key("team").value("web").build()).build()).listeners().getFirst();

        assertThat(listener.listenerArn()).matches("arn:aws:elasticloadbalancing:ap-northeast-1:000000000000:listener/app/web/[0-9a-f]{16}/[0-9a-f]{16}")
                .startsWith(lb.replace(":loadbalancer/", ":listener/"));
        assertThat(listener.loadBalancerArn()).isEqualTo(lb);
        assertThat(listener.port()).isEqualTo(80);
        assertThat(listener.protocolAsString()).isEqualTo("HTTP");
        Action action = listener.defaultActions().getFirst();
        assertThat(action.typeAsString()).isEqualTo("forward");
        assertThat(action.targetGroupArn()).isEqualTo(tg);
        assertThat(action.order()).isEqualTo(1);
        assertThat(action.forwardConfig().targetGroups().getFirst().weight()).isEqualTo(1);
        assertThat(action.forwardConfig().targetGroupStickinessConfig().enabled()).isFalse();

        List<Rule> rules = new DescribeRules().handle(f.ctx(), DescribeRulesRequest.builder().listenerArn(listener.listenerArn()).build()).rules();
        assertThat(rules).singleElement().satisfies(rule -> {
            assertThat(rule.isDefault()).isTrue();
            assertThat(rule.priority()).isEqualTo("default");
            assertThat(rule.conditions()).isEmpty();
            assertThat(rule.actions()).isEqualTo(listener.defaultActions());
            assertThat(rule.ruleArn()).startsWith(listener.listenerArn().replace(":listener/", ":listener-rule/"));
        });
        assertThat(f.tags(listener.listenerArn())).containsExactly("team=web");
    }

    @Test
    void aPortIsTakenOncePerLoadBalancer() {
        f.createListener(lb, 80, forward(tg));
        assertAwsError(() -> f.createListener(lb, 80, fixed("404")), "DuplicateListener", "A listener already exists on this port");
        // another load balancer may use the port
        String other = f.loadBalancer("other");
        assertThat(f.createListener(other, 80, fixed("404")).port()).isEqualTo(80);
    }

    @Test
    void httpsNeedsOneCertificateThatAcmHolds() {
        CreateListener create = new CreateListener(() -> Elbv2Fixture.NO_CERTIFICATES);
        assertAwsError(() -> create.handle(f.ctx(), CreateListenerRequest.builder().loadBalancerArn(lb).protocol("HTTPS")
                .port(443).defaultActions(forward(tg)).build()), "ValidationError", "A certificate must be specified for HTTPS listeners");
        String unknown = "arn:aws:acm:ap-northeast-1:000000000000:certificate/0b5d2e6c-1111-2222-3333-444455556666";
        assertAwsError(() -> create.handle(f.ctx(), CreateListenerRequest.builder().loadBalancerArn(lb).protocol("HTTPS")
                .port(443).certificates(c -> c.certificateArn(unknown)).defaultActions(forward(tg)).build()),
                "CertificateNotFound", "Certificate '" + unknown + "' not found");
        assertAwsError(() -> create.handle(f.ctx(), CreateListenerRequest.builder().loadBalancerArn(lb).protocol("HTTP")
                .port(80).certificates(c -> c.certificateArn(unknown)).defaultActions(forward(tg)).build()),
                "ValidationError", "Certificates cannot be specified for HTTP listeners");
    }

    @Test
    void protocolsAndPortsAreChecked() {
        assertAwsError(() -> create(CreateListenerRequest.builder().protocol("TCP").port(80)), "ValidationError",
                "Listener protocol 'TCP' must be one of 'HTTPS, HTTP'");
        assertAwsError(() -> create(CreateListenerRequest.builder().protocol("SMTP").port(80)), "ValidationError",
                "Value 'SMTP' at 'protocol' failed to satisfy constraint: Member must satisfy enum value set");
        assertAwsError(() -> create(CreateListenerRequest.builder().port(80)), "ValidationError", "A listener protocol must be specified");
        assertAwsError(() -> create(CreateListenerRequest.builder().protocol("HTTP").port(0)), "ValidationError",
                "Value '0' at 'port' failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertAwsError(() -> create(CreateListenerRequest.builder().protocol("HTTP").port(65536)), "ValidationError",
                "Member must have value less than or equal to 65535");
        assertAwsError(() -> create(CreateListenerRequest.builder().protocol("HTTP").port(80)
                .certificates(Certificate.builder().certificateArn("arn:aws:acm:ap-northeast-1:000000000000:certificate/x").build())),
                "ValidationError", "Certificates cannot be specified for HTTP listeners");
    }

    @Test
    void theLoadBalancerMustExist() {
        String missing = lb.substring(0, lb.length() - 16) + "0000000000000000";
        assertAwsError(() -> f.createListener(missing, 80, forward(tg)), "LoadBalancerNotFound", "");
        assertAwsError(() -> f.createListener("arn:nonsense", 80, forward(tg)), "ValidationError", "is not a valid load balancer ARN");
    }

    @Test
    void atMostFiftyListenersPerLoadBalancer() {
        for (int port = 1; port <= Listeners.MOST_PER_LOAD_BALANCER; port++) {
            f.createListener(lb, port, fixed("200"));
        }
        assertAwsError(() -> f.createListener(lb, 8080, fixed("200")), "TooManyListeners", "maximum number of listeners");
    }

    @Test
    void aFailedCreateLeavesNothingBehind() {
        assertAwsError(() -> new CreateListener(() -> Elbv2Fixture.NO_CERTIFICATES).handle(f.ctx(), CreateListenerRequest.builder().loadBalancerArn(lb).protocol("HTTP")
                .port(80).defaultActions(forward(tg)).tags(Tag.builder().key("aws:reserved").value("x").build()).build()),
                "ValidationError", "reserved");
        assertThat(f.listeners()).isEmpty();
        assertThat(f.rules()).isEmpty();
    }

    @Test
    void describeByLoadBalancerListsByPortInPages() {
        List<String> arns = new ArrayList<>();
        for (int port : new int[]{8080, 80, 443}) {
            arns.add(f.createListener(lb, port, fixed("200")).listenerArn());
        }
        DescribeListenersResponse first = new DescribeListeners().handle(f.ctx(), DescribeListenersRequest.builder().loadBalancerArn(lb)
                .pageSize(2).build());
        assertThat(first.listeners()).extracting(Listener::port).containsExactly(80, 443);
        DescribeListenersResponse second = new DescribeListeners().handle(f.ctx(), DescribeListenersRequest.builder().loadBalancerArn(lb)
                .pageSize(2).marker(first.nextMarker()).build());
        assertThat(second.listeners()).extracting(Listener::port).containsExactly(8080);
        assertThat(second.nextMarker()).isNull();

        assertThat(new DescribeListeners().handle(f.ctx(), DescribeListenersRequest.builder().listenerArns(arns.get(2)).build()).listeners())
                .extracting(Listener::port).containsExactly(443);
    }

    @Test
    void describeNeedsExactlyOneWayToChoose() {
        assertAwsError(() -> new DescribeListeners().handle(f.ctx(), DescribeListenersRequest.builder().build()), "ValidationError",
                "You must specify either listener ARNs or a load balancer ARN");
        String listener = f.createListener(lb, 80, fixed("200")).listenerArn();
        assertAwsError(() -> new DescribeListeners().handle(f.ctx(), DescribeListenersRequest.builder().loadBalancerArn(lb)
                .listenerArns(listener).build()), "ValidationError", "cannot be specified at the same time");
        String missing = listener.substring(0, listener.length() - 16) + "0000000000000000";
        assertAwsError(() -> new DescribeListeners().handle(f.ctx(), DescribeListenersRequest.builder().listenerArns(listener, missing)
                .build()), "ListenerNotFound", "");
    }

    @Test
    void modifyListenerChangesPortAndDefaultActionsAndTheDefaultRuleFollows() {
        Listener listener = f.createListener(lb, 80, forward(tg));
        f.createListener(lb, 81, fixed("200"));

        assertAwsError(() -> new ModifyListener(() -> Elbv2Fixture.NO_CERTIFICATES).handle(f.ctx(), ModifyListenerRequest.builder().listenerArn(listener.listenerArn())
                .port(81).build()), "DuplicateListener", "");
        Listener modified = new ModifyListener(() -> Elbv2Fixture.NO_CERTIFICATES).handle(f.ctx(), ModifyListenerRequest.builder().listenerArn(listener.listenerArn())
                .port(8080).defaultActions(fixed("503")).build()).listeners().getFirst();

        assertThat(modified.port()).isEqualTo(8080);
        assertThat(modified.defaultActions()).singleElement().satisfies(a -> {
            assertThat(a.typeAsString()).isEqualTo("fixed-response");
            assertThat(a.fixedResponseConfig().statusCode()).isEqualTo("503");
        });
        Rule defaultRule = new DescribeRules().handle(f.ctx(), DescribeRulesRequest.builder().listenerArn(listener.listenerArn()).build())
                .rules().getFirst();
        assertThat(defaultRule.actions()).isEqualTo(modified.defaultActions());
    }

    @Test
    void modifyListenerRefusesAPortThatTurnsAKeptRedirectIntoALoop() {
        Listener listener = f.createListener(lb, 8080, redirect(RedirectActionConfig.builder().port("80").statusCode("HTTP_301").build()));
        assertAwsError(() -> new ModifyListener(() -> Elbv2Fixture.NO_CERTIFICATES).handle(f.ctx(), ModifyListenerRequest.builder().listenerArn(listener.listenerArn())
                .port(80).build()), "InvalidLoadBalancerAction", "creates a loop");
    }

    @Test
    void deleteListenerTakesItsRulesAndTagsAlong() {
        Listener listener = f.createListener(lb, 80, forward(tg));
        Rule rule = f.createRule(listener.listenerArn(), 1, path("/api/*"), fixed("200"));
        f.ctx().write(tx -> {
            Tags.add(tx, rule.ruleArn(), List.of(Tag.builder().key("k").value("v").build()));
            return null;
        });

        new DeleteListener(() -> Elbv2Fixture.NO_CERTIFICATES).handle(f.ctx(), DeleteListenerRequest.builder().listenerArn(listener.listenerArn()).build());

        assertThat(f.listeners()).isEmpty();
        assertThat(f.rules()).isEmpty();
        assertThat(f.tags(rule.ruleArn())).isEmpty();
        assertAwsError(() -> new DeleteListener(() -> Elbv2Fixture.NO_CERTIFICATES).handle(f.ctx(), DeleteListenerRequest.builder().listenerArn(listener.listenerArn()).build()),
                "ListenerNotFound", "");
    }

    @Test
    void deleteAllOfALoadBalancerLeavesOthersAlone() {
        String other = f.loadBalancer("other");
        Listener mine = f.createListener(lb, 80, forward(tg));
        f.createRule(mine.listenerArn(), 5, path("/a"), fixed("200"));
        f.createListener(lb, 81, fixed("200"));
        Listener theirs = f.createListener(other, 80, fixed("200"));

        f.ctx().write(tx -> {
            Listeners.deleteAllOf(tx, Elbv2Fixture.NO_CERTIFICATES, lb);
            return null;
        });

        assertThat(f.listeners()).extracting(ListenerRecord::arn).containsExactly(theirs.listenerArn());
        assertThat(f.rules()).extracting(RuleRecord::listenerArn).containsExactly(theirs.listenerArn());
        // the target group is free for another load balancer now
        assertThat(f.createListener(other, 81, forward(tg)).defaultActions().getFirst().targetGroupArn()).isEqualTo(tg);
    }

    private void create(CreateListenerRequest.Builder request) {
        new CreateListener(() -> Elbv2Fixture.NO_CERTIFICATES).handle(f.ctx(), request.loadBalancerArn(lb).defaultActions(forward(tg)).build());
    }
}
