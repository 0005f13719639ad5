package io.kumo.elbv2.loadbalancer;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.support.Lookups;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyLoadBalancerAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyLoadBalancerAttributesResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/** ModifyLoadBalancerAttributes: checks every change, applies them all or none, answers with every attribute. */
final class ModifyLoadBalancerAttributes implements Handler<ModifyLoadBalancerAttributesRequest, ModifyLoadBalancerAttributesResponse> {

    @Override
    public ModifyLoadBalancerAttributesResponse handle(RequestContext ctx, ModifyLoadBalancerAttributesRequest in) {
        if (!in.hasAttributes() || in.attributes().isEmpty()) {
            throw Elbv2Errors.missing("Attributes");
        }
        Map<String, String> changes = new LinkedHashMap<>();
        for (LoadBalancerAttribute a : in.attributes()) {
            if (a.key() == null) {
                throw Elbv2Errors.missing("Attributes.member.Key");
            }
            changes.put(a.key(), a.value());
        }
        LoadBalancerRecord updated = ctx.write(tx -> {
            LoadBalancerRecord lb = Lookups.loadBalancer(tx, in.loadBalancerArn());
            LoadBalancerRecord changed = lb.withAttributes(LoadBalancerAttributes.apply(lb.attributes(), changes));
            tx.put(LoadBalancerRecord.TABLE, lb.arn(), changed);
            return changed;
        });
        return ModifyLoadBalancerAttributesResponse.builder()
                .attributes(DescribeLoadBalancerAttributes.toSdk(updated.attributes())).build();
    }
}
