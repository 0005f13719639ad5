package io.kumo.elbv2.listener;

import io.kumo.core.AwsException;
import io.kumo.core.Principal;
import io.kumo.core.RequestContext;
import io.kumo.core.store.Table;
import io.kumo.core.store.Tx;
import io.kumo.elbv2.loadbalancer.LoadBalancerRecord;
import io.kumo.elbv2.support.Arns;
import io.kumo.elbv2.tag.Tags;
import io.kumo.elbv2.tag.TagsRecord;
import io.kumo.elbv2.targetgroup.TargetGroupRecord;
import io.kumo.store.EmbeddedStore;
import org.assertj.core.api.ThrowableAssert;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.FixedResponseActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.PathPatternConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RedirectActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;

import java.time.Instant;
import java.util.Optional;
import io.kumo.core.store.Tx;
import io.kumo.core.tls.ServerCertificates;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An in-memory store with the tables the listener handlers use, load balancers and target groups
 * put straight into it (their own APIs are other handlers' business), and short ways to call the
 * handlers and build their SDK inputs.
 */
final class Elbv2Fixture {
    static final String ACCOUNT = "000000000000";
    static final String REGION = "ap-northeast-1";
    static final String VPC = "vpc-0123456789abcdef0";
    static final String OTHER_VPC = "vpc-0fedcba9876543210";
    static final Instant T0 = Instant.parse("2026-11-22T03:49:00Z");
    /** ACM's side as an account without certificates shows it. */
    static final ServerCertificates NO_CERTIFICATES = new ServerCertificates() {
        @Override
        public Optional<KeyMaterial> servable(Tx tx, String certificateArn) {
            return Optional.empty();
        }

        @Override
        public void used(Tx tx, String certificateArn, String resourceArn, boolean inUse) {
        }
    };

    final EmbeddedStore store = EmbeddedStore.inMemory();

    Elbv2Fixture() {
        List.<Table<?>>of(LoadBalancerRecord.TABLE, TargetGroupRecord.TABLE, ListenerRecord.TABLE, RuleRecord.TABLE, TagsRecord.TABLE)
                .forEach(store::register);
    }

    RequestContext ctx() {
        return new RequestContext("req-1", Principal.root(ACCOUNT, "AKIDEXAMPLE"), REGION, "elbv2", "test", T0, store);
    }

    <T> T read(Function<Tx, T> work) {
        return ctx().read(work);
    }

    List<ListenerRecord> listeners() {
        return read(tx -> tx.list(ListenerRecord.TABLE));
    }

    List<RuleRecord> rules() {
        return read(tx -> tx.list(RuleRecord.TABLE));
    }

    List<String> tags(String arn) {
        return read(tx -> Tags.of(tx, arn).stream().map(t -> t.key() + "=" + t.value()).toList());
    }

    String loadBalancer(String name) {
        return loadBalancer(name, VPC);
    }

    String loadBalancer(String name, String vpcId) {
        String arn = Arns.loadBalancer(REGION, ACCOUNT, name);
        LoadBalancerRecord lb = new LoadBalancerRecord(arn, name, name + "-1.example", "Z14GRHDCWA56QT", T0, LoadBalancerRecord.INTERNET_FACING,
                vpcId, LoadBalancerRecord.ACTIVE, "application",
                List.of(new LoadBalancerRecord.Zone("ap-northeast-1a", "apne1-az4", "subnet-a", null, null),
                        new LoadBalancerRecord.Zone("ap-northeast-1c", "apne1-az1", "subnet-c", null, null)),
                List.of("sg-1"), "ipv4", Map.of());
        ctx().write(tx -> {
            tx.put(LoadBalancerRecord.TABLE, arn, lb);
            return null;
        });
        return arn;
    }

    String targetGroup(String name) {
        return targetGroup(name, VPC, "HTTP", "instance", "HTTP1");
    }

    String targetGroup(String name, String vpcId, String protocol, String targetType, String protocolVersion) {
        String arn = Arns.targetGroup(REGION, ACCOUNT, name);
        TargetGroupRecord tg = new TargetGroupRecord(arn, name, protocol, protocolVersion, 80, vpcId, targetType, "ipv4",
                new TargetGroupRecord.HealthCheck(true, "HTTP", "traffic-port", "/", 30, 5, 5, 2, "200"), Map.of(), List.of(), T0);
        ctx().write(tx -> {
            tx.put(TargetGroupRecord.TABLE, arn, tg);
            return null;
        });
        return arn;
    }

    Listener createListener(String loadBalancerArn, int port, Action... actions) {
        return new CreateListener(() -> NO_CERTIFICATES).handle(ctx(), CreateListenerRequest.builder().loadBalancerArn(loadBalancerArn).protocol("HTTP")
                .port(port).defaultActions(actions).build()).listeners().getFirst();
    }

    Rule createRule(String listenerArn, int priority, RuleCondition condition, Action action) {
        return new CreateRule().handle(ctx(), CreateRuleRequest.builder().listenerArn(listenerArn).priority(priority)
                .conditions(condition).actions(action).build()).rules().getFirst();
    }

    static Action forward(String targetGroupArn) {
        return Action.builder().type("forward").targetGroupArn(targetGroupArn).build();
    }

    static Action fixed(String status) {
        return Action.builder().type("fixed-response")
                .fixedResponseConfig(FixedResponseActionConfig.builder().statusCode(status).contentType("text/plain").messageBody("hi").build())
                .build();
    }

    static Action redirect(RedirectActionConfig config) {
        return Action.builder().type("redirect").redirectConfig(config).build();
    }

    static RuleCondition path(String... patterns) {
        return RuleCondition.builder().field("path-pattern").pathPatternConfig(PathPatternConditionConfig.builder().values(patterns).build())
                .build();
    }

    static void assertAwsError(ThrowableAssert.ThrowingCallable call, String code, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code);
            org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
