package io.kumo.elbv2.loadbalancer;

import io.kumo.core.network.ManagedInterfaces;
import io.kumo.core.network.VpcDirectory;
import io.kumo.core.service.ServiceBinder;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancerAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyLoadBalancerAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetSecurityGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetSubnetsRequest;

import java.util.function.Supplier;

/** Load balancers and their attributes. */
public final class LoadBalancerActions {

    private LoadBalancerActions() {
    }

    public static void register(ServiceBinder binder, Supplier<VpcDirectory> vpcs) {
        binder.table(LoadBalancerRecord.TABLE);
        Supplier<ManagedInterfaces> interfaces = () -> binder.kernel().contracts().require(ManagedInterfaces.class);
        binder.controller(new LoadBalancerLifecycle(binder.kernel().store(), binder.kernel().clock()));
        binder.operation("CreateLoadBalancer", CreateLoadBalancerRequest.class, new CreateLoadBalancer(vpcs, interfaces));
        binder.operation("DescribeLoadBalancers", DescribeLoadBalancersRequest.class, new DescribeLoadBalancers());
        binder.operation("DeleteLoadBalancer", DeleteLoadBalancerRequest.class, new DeleteLoadBalancer(interfaces, () -> binder.kernel().contracts().require(io.kumo.core.tls.ServerCertificates.class)));
        binder.operation("SetSecurityGroups", SetSecurityGroupsRequest.class, new SetSecurityGroups(vpcs, interfaces));
        binder.operation("SetSubnets", SetSubnetsRequest.class, new SetSubnets(vpcs, interfaces));
        binder.operation("DescribeLoadBalancerAttributes", DescribeLoadBalancerAttributesRequest.class, new DescribeLoadBalancerAttributes());
        binder.operation("ModifyLoadBalancerAttributes", ModifyLoadBalancerAttributesRequest.class, new ModifyLoadBalancerAttributes());
    }
}
