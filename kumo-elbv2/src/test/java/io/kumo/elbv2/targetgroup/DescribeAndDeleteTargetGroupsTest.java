package io.kumo.elbv2.targetgroup;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.kumo.elbv2.targetgroup.TargetGroupFixture.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

class DescribeAndDeleteTargetGroupsTest {
    private final TargetGroupFixture f = new TargetGroupFixture();

    private DescribeTargetGroupsResponse describe(Consumer<DescribeTargetGroupsRequest.Builder> in) {
        var request = DescribeTargetGroupsRequest.builder();
        in.accept(request);
        return new DescribeTargetGroups().handle(f.ctx(), request.build());
    }

    private void delete(String arn) {
        new DeleteTargetGroup().handle(f.ctx(), DeleteTargetGroupRequest.builder().targetGroupArn(arn).build());
    }

    @Test
    void describesAllByArnByNameAndByLoadBalancer() {
        String web = f.createWeb();
        String api = f.create(r -> r.name("api").port(8080)).targetGroupArn();
        String lb = f.loadBalancer("site", List.of("ap-northeast-1a", "ap-northeast-1c"), api);

        assertThat(describe(r -> { }).targetGroups()).extracting(TargetGroup::targetGroupArn).containsExactlyInAnyOrder(web, api);
        assertThat(describe(r -> r.names("web")).targetGroups()).extracting(TargetGroup::targetGroupArn).containsExactly(web);
        assertThat(describe(r -> r.targetGroupArns(api)).targetGroups()).extracting(TargetGroup::targetGroupName).containsExactly("api");
        TargetGroup used = describe(r -> r.loadBalancerArn(lb)).targetGroups().getFirst();
        assertThat(used.targetGroupArn()).isEqualTo(api);
        assertThat(used.loadBalancerArns()).containsExactly(lb);
    }

    @Test
    void unknownNamesArnsAndLoadBalancersAreErrors() {
        String web = f.createWeb();
        assertAwsError(() -> describe(r -> r.names("web", "nope")), "TargetGroupNotFound", "One or more target groups not found");
        assertAwsError(() -> describe(r -> r.targetGroupArns(web.replaceAll("[0-9a-f]{16}$", "ffffffffffffffff"))), "TargetGroupNotFound",
                "One or more target groups not found");
        assertAwsError(() -> describe(r -> r.targetGroupArns("arn:nope")), "ValidationError", "is not a valid target group ARN");
        assertAwsError(() -> describe(r -> r.loadBalancerArn(
                "arn:aws:elasticloadbalancing:ap-northeast-1:000000000000:loadbalancer/app/none/0123456789abcdef")),
                "LoadBalancerNotFound", "One or more load balancers not found");
    }

    @Test
    void pagesThroughWithMarkers() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            f.create(r -> r.name("group-" + n));
        }
        List<String> seen = new ArrayList<>();
        String marker = null;
        int calls = 0;
        do {
            String from = marker;
            var page = describe(r -> r.pageSize(2).marker(from));
            page.targetGroups().forEach(g -> seen.add(g.targetGroupName()));
            marker = page.nextMarker();
            calls++;
        } while (marker != null);
        assertThat(calls).isEqualTo(3);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertAwsError(() -> describe(r -> r.pageSize(401)), "ValidationError", "Member must have value between 1 and 400");
    }

    @Test
    void modifyChangesOnlyTheGivenHealthCheckSettings() {
        String web = f.createWeb();
        TargetGroup modified = new ModifyTargetGroup().handle(f.ctx(), ModifyTargetGroupRequest.builder().targetGroupArn(web)
                .healthCheckPath("/ping").healthCheckIntervalSeconds(10).build()).targetGroups().getFirst();
        assertThat(modified.healthCheckPath()).isEqualTo("/ping");
        assertThat(modified.healthCheckIntervalSeconds()).isEqualTo(10);
        assertThat(modified.healthCheckTimeoutSeconds()).isEqualTo(5);
        assertAwsError(() -> new ModifyTargetGroup().handle(f.ctx(), ModifyTargetGroupRequest.builder().targetGroupArn(web)
                .healthCheckTimeoutSeconds(10).build()), "ValidationError", "Health check interval must be greater than the timeout.");
        assertThat(describe(r -> r.targetGroupArns(web)).targetGroups().getFirst().healthCheckTimeoutSeconds()).isEqualTo(5);
    }

    @Test
    void deletingRemovesTheGroupAndItsTagsUnlessARuleForwardsToIt() {
        String web = f.create(r -> r.tags(Tag.builder().key("env").value("dev").build())).targetGroupArn();
        String api = f.create(r -> r.name("api")).targetGroupArn();
        f.loadBalancer("site", List.of("ap-northeast-1a"), api);

        assertAwsError(() -> delete(api), "ResourceInUse", "Target group '" + api + "' is currently in use by a listener or a rule");
        delete(web);
        assertThat(describe(r -> { }).targetGroups()).extracting(TargetGroup::targetGroupArn).containsExactly(api);
        assertThat(f.tagsOf(web)).isEmpty();
        delete(web); // already gone: no error
        assertAwsError(() -> delete("not-an-arn"), "ValidationError", "is not a valid target group ARN");
    }
}
