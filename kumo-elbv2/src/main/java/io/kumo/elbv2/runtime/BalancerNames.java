package io.kumo.elbv2.runtime;

import io.kumo.core.dns.GeneratedNames;
import io.kumo.elbv2.loadbalancer.LoadBalancers;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Load balancers' DNS names for the VPC resolvers: the addresses of the load balancer's nodes, in
 * every VPC (AWS publishes internal load balancers' private addresses too). Nodes listen on their
 * listener ports there, so a client in the VPC reaches the load balancer by its name.
 */
final class BalancerNames implements GeneratedNames.Source {
    private final AtomicReference<ElbPlans> plans;

    BalancerNames(AtomicReference<ElbPlans> plans) {
        this.plans = plans;
    }

    @Override
    public Set<String> domains() {
        return Set.of(LoadBalancers.DNS_SUFFIX, LoadBalancers.INTERNAL_DNS_SUFFIX);
    }

    @Override
    public List<String> addresses(String vpcId, String name) {
        ElbPlans.Balancer lb = plans.get().byDnsName().get(name);
        return lb == null ? List.of() : lb.nodes().stream().map(ElbPlans.Node::ip).toList();
    }
}
