package io.kumo.elbv2.targetgroup;

import io.kumo.core.AwsException;
import io.kumo.core.Principal;
import io.kumo.core.RequestContext;
import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Table;
import io.kumo.elbv2.listener.Action;
import io.kumo.elbv2.listener.ListenerRecord;
import io.kumo.elbv2.listener.RuleRecord;
import io.kumo.elbv2.loadbalancer.LoadBalancerRecord;
import io.kumo.elbv2.tag.TagsRecord;
import io.kumo.store.EmbeddedStore;
import org.assertj.core.api.ThrowableAssert;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An in-memory store with ELBv2's tables, a fake VPC directory, a clock the test moves, and the
 * handlers called as the server would call them.
 */
class TargetGroupFixture {
    static final String ACCOUNT = "000000000000";
    static final String REGION = "ap-northeast-1";
    static final String VPC = "vpc-0000000000000000a";
    static final String OTHER_VPC = "vpc-0000000000000000b";
    static final String WEB_1A = "i-0000000000000001a";
    static final String WEB_1C = "i-0000000000000001c";
    static final String STOPPED = "i-00000000000000005";
    static final String ELSEWHERE = "i-00000000000000009";

    final EmbeddedStore store = EmbeddedStore.inMemory();
    final FakeVpcs vpcs = new FakeVpcs()
            .vpc(VPC, "10.0.0.0/16")
            .vpc(OTHER_VPC, "10.1.0.0/16")
            .instance(WEB_1A, VPC, "ap-northeast-1a", "running")
            .instance(WEB_1C, VPC, "ap-northeast-1c", "running")
            .instance(STOPPED, VPC, "ap-northeast-1a", "stopped")
            .instance(ELSEWHERE, OTHER_VPC, "ap-northeast-1a", "running");
    Instant now = Instant.parse("2026-11-22T03:49:00Z");

    TargetGroupFixture() {
        List.<Table<?>>of(TargetGroupRecord.TABLE, TargetHealthRecord.TABLE, LoadBalancerRecord.TABLE, ListenerRecord.TABLE,
                RuleRecord.TABLE, TagsRecord.TABLE).forEach(store::register);
        store.open();
    }

    RequestContext ctx() {
        return new RequestContext("req-1", Principal.root(ACCOUNT, "AKIDEXAMPLE"), REGION, "elbv2", "test", now, store);
    }

    void later(long seconds) {
        now = now.plusSeconds(seconds);
    }

    <T> T read(Function<io.kumo.core.store.Tx, T> work) {
        return store.read(new StoreScope(ACCOUNT, REGION), work);
    }

    <T> T write(Function<io.kumo.core.store.Tx, T> work) {
        return store.write(new StoreScope(ACCOUNT, REGION), work);
    }

    java.util.List<io.kumo.elbv2.tag.TagsRecord.Tag> tagsOf(String arn) {
        return read(tx -> io.kumo.elbv2.tag.Tags.of(tx, arn));
    }

    java.util.List<TargetGroupRecord> groups() {
        return read(tx -> tx.list(TargetGroupRecord.TABLE));
    }

    TargetGroup create(Consumer<CreateTargetGroupRequest.Builder> extra) {
        CreateTargetGroupRequest.Builder in = CreateTargetGroupRequest.builder().name("web").protocol("HTTP").port(80).vpcId(VPC);
        extra.accept(in);
        return new CreateTargetGroup(() -> vpcs).handle(ctx(), in.build()).targetGroups().getFirst();
    }

    String createWeb() {
        return create(r -> { }).targetGroupArn();
    }

    void register(String groupArn, TargetDescription... targets) {
        new RegisterTargets(() -> vpcs).handle(ctx(), RegisterTargetsRequest.builder().targetGroupArn(groupArn).targets(targets).build());
    }

    static TargetDescription target(String id) {
        return TargetDescription.builder().id(id).build();
    }

    static TargetDescription target(String id, int port) {
        return TargetDescription.builder().id(id).port(port).build();
    }

    List<TargetHealthDescription> health(String groupArn, TargetDescription... targets) {
        var in = DescribeTargetHealthRequest.builder().targetGroupArn(groupArn);
        if (targets.length > 0) {
            in.targets(targets);
        }
        return new DescribeTargetHealth(() -> vpcs).handle(ctx(), in.build()).targetHealthDescriptions();
    }

    /** A load balancer with nodes in the zones, forwarding to the target groups through one listener's default rule. */
    String loadBalancer(String name, List<String> zones, String... targetGroupArns) {
        String lbArn = "arn:aws:elasticloadbalancing:" + REGION + ":" + ACCOUNT + ":loadbalancer/app/" + name + "/0123456789abcdef";
        String listenerArn = lbArn.replace(":loadbalancer/", ":listener/") + "/1123456789abcdef";
        var forward = new Action.Forward(java.util.Arrays.stream(targetGroupArns).map(a -> new Action.WeightedTargetGroup(a, 1)).toList(),
                false, null);
        var action = new Action("forward", null, null, forward, null, null);
        write(tx -> {
            tx.put(LoadBalancerRecord.TABLE, lbArn, new LoadBalancerRecord(lbArn, name, name + ".elb.localhost", "Z14GRHDCWA56QT", now,
                    LoadBalancerRecord.INTERNET_FACING, VPC, LoadBalancerRecord.ACTIVE, "application",
                    zones.stream().map(z -> new LoadBalancerRecord.Zone(z, z, "subnet-" + z, null, null)).toList(), List.of(), "ipv4", Map.of()));
            tx.put(ListenerRecord.TABLE, listenerArn, new ListenerRecord(listenerArn, lbArn, 80, "HTTP", List.of(action), null, null));
            String ruleArn = listenerArn.replace(":listener/", ":listener-rule/") + "/2123456789abcdef";
            tx.put(RuleRecord.TABLE, ruleArn, new RuleRecord(ruleArn, listenerArn, RuleRecord.DEFAULT_PRIORITY, List.of(), List.of(action), true));
            return null;
        });
        return lbArn;
    }

    static void assertAwsError(ThrowableAssert.ThrowingCallable call, String code, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code);
            org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
