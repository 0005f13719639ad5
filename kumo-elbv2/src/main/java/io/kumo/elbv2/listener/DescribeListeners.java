package io.kumo.elbv2.listener;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.support.Lookups;
import io.kumo.elbv2.support.Pages;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;

import java.util.LinkedHashSet;
import java.util.List;

/** Lists a load balancer's listeners (by port), or the listeners named, in pages. */
final class DescribeListeners implements Handler<DescribeListenersRequest, DescribeListenersResponse> {

    @Override
    public DescribeListenersResponse handle(RequestContext ctx, DescribeListenersRequest in) {
        boolean byArns = in.hasListenerArns() && !in.listenerArns().isEmpty();
        if (byArns && in.loadBalancerArn() != null) {
            throw Elbv2Errors.validation("Listener ARNs and a load balancer ARN cannot be specified at the same time");
        }
        if (!byArns && in.loadBalancerArn() == null) {
            throw Elbv2Errors.validation("You must specify either listener ARNs or a load balancer ARN");
        }
        List<ListenerRecord> listeners = ctx.read(tx -> byArns
                ? new LinkedHashSet<>(in.listenerArns()).stream().map(arn -> Lookups.listener(tx, arn)).toList()
                : Listeners.of(tx, Lookups.loadBalancer(tx, in.loadBalancerArn()).arn()));
        Pages.Page<ListenerRecord> page = Pages.of(listeners, in.marker(), in.pageSize());
        return DescribeListenersResponse.builder()
                .listeners(page.items().stream().map(Listeners::toSdk).toList())
                .nextMarker(page.nextMarker())
                .build();
    }
}
