package io.kumo.elbv2.loadbalancer;

import io.kumo.core.RequestContext;
import io.kumo.core.network.ManagedInterfaces;
import io.kumo.core.network.VpcDirectory;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.support.Lookups;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetSecurityGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetSecurityGroupsResponse;

import java.util.List;
import java.util.function.Supplier;

/** SetSecurityGroups: replaces the load balancer's groups (at least one, all in its VPC); the proxy's firewall follows. */
final class SetSecurityGroups implements Handler<SetSecurityGroupsRequest, SetSecurityGroupsResponse> {
    private final Supplier<VpcDirectory> vpcs;
    private final Supplier<ManagedInterfaces> interfaces;

    SetSecurityGroups(Supplier<VpcDirectory> vpcs, Supplier<ManagedInterfaces> interfaces) {
        this.vpcs = vpcs;
        this.interfaces = interfaces;
    }

    @Override
    public SetSecurityGroupsResponse handle(RequestContext ctx, SetSecurityGroupsRequest in) {
        if (!in.hasSecurityGroups() || in.securityGroups().isEmpty()) {
            throw Elbv2Errors.validation("An application load balancer must have at least one security group");
        }
        VpcDirectory directory = vpcs.get();
        List<String> groups = ctx.write(tx -> {
            LoadBalancerRecord lb = Lookups.loadBalancer(tx, in.loadBalancerArn());
            List<String> checked = Placements.securityGroups(tx, directory, in.securityGroups(), lb.vpcId());
            tx.put(LoadBalancerRecord.TABLE, lb.arn(), lb.withSecurityGroups(checked));
            Nodes.setGroups(tx, interfaces.get(), lb, checked);
            return checked;
        });
        return SetSecurityGroupsResponse.builder().securityGroupIds(groups).build();
    }
}
