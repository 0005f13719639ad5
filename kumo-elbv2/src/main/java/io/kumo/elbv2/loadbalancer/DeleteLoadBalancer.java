package io.kumo.elbv2.loadbalancer;

import io.kumo.core.RequestContext;
import io.kumo.core.network.ManagedInterfaces;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.listener.Listeners;
import io.kumo.elbv2.support.Arns;
import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.tag.Tags;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerResponse;

import java.util.function.Supplier;

/**
 * DeleteLoadBalancer, with its listeners, rules and tags. Deleting one that does not exist
 * succeeds, as on AWS; deletion protection refuses.
 */
final class DeleteLoadBalancer implements Handler<DeleteLoadBalancerRequest, DeleteLoadBalancerResponse> {
    private final Supplier<ManagedInterfaces> interfaces;

    private final Supplier<io.kumo.core.tls.ServerCertificates> certificates;

    DeleteLoadBalancer(Supplier<ManagedInterfaces> interfaces, Supplier<io.kumo.core.tls.ServerCertificates> certificates) {
        this.certificates = certificates;
        this.interfaces = interfaces;
    }

    @Override
    public DeleteLoadBalancerResponse handle(RequestContext ctx, DeleteLoadBalancerRequest in) {
        if (in.loadBalancerArn() == null) {
            throw Elbv2Errors.missing("LoadBalancerArn");
        }
        String arn = Arns.checkLoadBalancer(in.loadBalancerArn());
        ctx.write(tx -> {
            LoadBalancerRecord lb = tx.get(LoadBalancerRecord.TABLE, arn).orElse(null);
            if (lb == null) {
                return null;
            }
            if ("true".equals(lb.attributes().get("deletion_protection.enabled"))) {
                throw Elbv2Errors.of("OperationNotPermitted", "Load balancer '" + arn
                        + "' cannot be deleted because deletion protection is enabled");
            }
            Listeners.deleteAllOf(tx, certificates.get(), arn);
            Nodes.removeAll(tx, interfaces.get(), lb);
            tx.delete(LoadBalancerRecord.TABLE, arn);
            Tags.forget(tx, arn);
            return null;
        });
        return DeleteLoadBalancerResponse.builder().build();
    }
}
