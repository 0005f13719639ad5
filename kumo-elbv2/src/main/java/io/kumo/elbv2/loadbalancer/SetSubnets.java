package io.kumo.elbv2.loadbalancer;

import io.kumo.core.RequestContext;
import io.kumo.core.network.ManagedInterfaces;
import io.kumo.core.network.VpcDirectory;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.support.Lookups;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetSubnetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetSubnetsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SubnetMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** SetSubnets: the zones the load balancer has nodes in (at least two, in its VPC). Targets in other zones become unused. */
final class SetSubnets implements Handler<SetSubnetsRequest, SetSubnetsResponse> {
    private final Supplier<VpcDirectory> vpcs;
    private final Supplier<ManagedInterfaces> interfaces;

    SetSubnets(Supplier<VpcDirectory> vpcs, Supplier<ManagedInterfaces> interfaces) {
        this.vpcs = vpcs;
        this.interfaces = interfaces;
    }

    @Override
    public SetSubnetsResponse handle(RequestContext ctx, SetSubnetsRequest in) {
        if (in.hasSubnets() && in.hasSubnetMappings()) {
            throw Elbv2Errors.validation("You can specify subnets or subnet mappings, not both");
        }
        List<String> subnetIds = new ArrayList<>(in.subnets());
        in.subnetMappings().stream().map(SubnetMapping::subnetId).forEach(subnetIds::add);
        VpcDirectory directory = vpcs.get();
        LoadBalancerRecord updated = ctx.write(tx -> {
            LoadBalancerRecord lb = Lookups.loadBalancer(tx, in.loadBalancerArn());
            List<LoadBalancerRecord.Zone> wanted = Placements.zones(tx, directory, subnetIds, lb.vpcId()).zones();
            LoadBalancerRecord changed = lb.withZones(Nodes.place(tx, interfaces.get(), lb.arn(), lb.zones(), wanted, lb.securityGroups()));
            tx.put(LoadBalancerRecord.TABLE, lb.arn(), changed);
            return changed;
        });
        return SetSubnetsResponse.builder().availabilityZones(LoadBalancers.zones(updated)).ipAddressType(updated.ipAddressType()).build();
    }
}
