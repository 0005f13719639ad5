package io.kumo.elbv2.targetgroup;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.support.Arns;
import io.kumo.elbv2.support.Attachments;
import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.support.Lookups;
import io.kumo.elbv2.support.Pages;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

import java.util.List;

/**
 * Every target group, or those named by ARN, by name, or used by one load balancer; by ARN order,
 * a page at a time. A name or ARN that matches nothing fails the whole call, as on AWS.
 */
final class DescribeTargetGroups implements Handler<DescribeTargetGroupsRequest, DescribeTargetGroupsResponse> {

    @Override
    public DescribeTargetGroupsResponse handle(RequestContext ctx, DescribeTargetGroupsRequest in) {
        in.targetGroupArns().forEach(Arns::checkTargetGroup);
        return ctx.read(tx -> {
            if (in.loadBalancerArn() != null) {
                Lookups.loadBalancer(tx, in.loadBalancerArn());
            }
            List<TargetGroupRecord> all = tx.list(TargetGroupRecord.TABLE);
            List<TargetGroupRecord> chosen = all.stream()
                    .filter(g -> !in.hasTargetGroupArns() || in.targetGroupArns().contains(g.arn()))
                    .filter(g -> !in.hasNames() || in.names().contains(g.name()))
                    .filter(g -> in.loadBalancerArn() == null || Attachments.loadBalancersOf(tx, g.arn()).contains(in.loadBalancerArn()))
                    .toList();
            boolean everyArnFound = in.targetGroupArns().stream().allMatch(arn -> all.stream().anyMatch(g -> g.arn().equals(arn)));
            boolean everyNameFound = in.names().stream().allMatch(name -> all.stream().anyMatch(g -> g.name().equals(name)));
            if (!everyArnFound || !everyNameFound) {
                throw Elbv2Errors.targetGroupNotFound();
            }
            Pages.Page<TargetGroupRecord> page = Pages.of(chosen, in.marker(), in.pageSize());
            List<TargetGroup> groups = page.items().stream().map(g -> TargetGroups.toSdk(tx, g)).toList();
            return DescribeTargetGroupsResponse.builder().targetGroups(groups).nextMarker(page.nextMarker()).build();
        });
    }
}
