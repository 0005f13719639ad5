package io.kumo.elbv2.loadbalancer;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.support.Lookups;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancerAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancerAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;

import java.util.List;
import java.util.Map;

/** DescribeLoadBalancerAttributes: every attribute with its value, sorted by key. */
final class DescribeLoadBalancerAttributes implements Handler<DescribeLoadBalancerAttributesRequest, DescribeLoadBalancerAttributesResponse> {

    @Override
    public DescribeLoadBalancerAttributesResponse handle(RequestContext ctx, DescribeLoadBalancerAttributesRequest in) {
        LoadBalancerRecord lb = ctx.read(tx -> Lookups.loadBalancer(tx, in.loadBalancerArn()));
        return DescribeLoadBalancerAttributesResponse.builder().attributes(toSdk(lb.attributes())).build();
    }

    static List<LoadBalancerAttribute> toSdk(Map<String, String> attributes) {
        return new java.util.TreeMap<>(attributes).entrySet().stream()
                .map(e -> LoadBalancerAttribute.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
    }
}
