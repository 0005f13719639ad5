package io.kumo.elbv2.loadbalancer;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.support.Arns;
import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.support.Pages;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;

import java.util.Comparator;
import java.util.List;

/** DescribeLoadBalancers: all of the region's, or those named by ARN or by name (every one must exist), oldest first. */
final class DescribeLoadBalancers implements Handler<DescribeLoadBalancersRequest, DescribeLoadBalancersResponse> {

    @Override
    public DescribeLoadBalancersResponse handle(RequestContext ctx, DescribeLoadBalancersRequest in) {
        if (in.hasLoadBalancerArns() && in.hasNames()) {
            throw Elbv2Errors.validation("Load balancer names and load balancer ARNs cannot be specified at the same time");
        }
        in.loadBalancerArns().forEach(Arns::checkLoadBalancer);
        List<LoadBalancerRecord> all = ctx.read(tx -> tx.list(LoadBalancerRecord.TABLE)).stream()
                .sorted(Comparator.comparing(LoadBalancerRecord::createdTime).thenComparing(LoadBalancerRecord::name))
                .toList();
        List<LoadBalancerRecord> chosen = chosen(all, in);
        Pages.Page<LoadBalancerRecord> page = Pages.of(chosen, in.marker(), in.pageSize());
        return DescribeLoadBalancersResponse.builder()
                .loadBalancers(page.items().stream().map(LoadBalancers::toSdk).toList())
                .nextMarker(page.nextMarker())
                .build();
    }

    private static List<LoadBalancerRecord> chosen(List<LoadBalancerRecord> all, DescribeLoadBalancersRequest in) {
        if (in.hasLoadBalancerArns()) {
            List<LoadBalancerRecord> chosen = all.stream().filter(lb -> in.loadBalancerArns().contains(lb.arn())).toList();
            if (chosen.size() < in.loadBalancerArns().stream().distinct().count()) {
                throw Elbv2Errors.loadBalancerNotFound();
            }
            return chosen;
        }
        if (in.hasNames()) {
            List<LoadBalancerRecord> chosen = all.stream().filter(lb -> in.names().contains(lb.name())).toList();
            List<String> missing = in.names().stream().filter(n -> chosen.stream().noneMatch(lb -> lb.name().equals(n))).toList();
            if (!missing.isEmpty()) {
                throw Elbv2Errors.of("LoadBalancerNotFound", "Load balancers '[" + String.join(", ", missing) + "]' not found");
            }
            return chosen;
        }
        return all;
    }
}
