package io.kumo.elbv2.loadbalancer;

import io.kumo.core.RequestContext;
import io.kumo.core.network.ManagedInterfaces;
import io.kumo.core.network.VpcDirectory;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.support.Arns;
import io.kumo.elbv2.support.ElbNames;
import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.tag.Tags;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SubnetMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * CreateLoadBalancer for application load balancers: provisioning at first, active once
 * {@link LoadBalancerLifecycle} says so. Asking again with the same name and settings answers the
 * same load balancer, as AWS does.
 */
final class CreateLoadBalancer implements Handler<CreateLoadBalancerRequest, CreateLoadBalancerResponse> {
    static final int MOST_PER_REGION = 50;

    private final Supplier<VpcDirectory> vpcs;
    private final Supplier<ManagedInterfaces> interfaces;

    CreateLoadBalancer(Supplier<VpcDirectory> vpcs, Supplier<ManagedInterfaces> interfaces) {
        this.vpcs = vpcs;
        this.interfaces = interfaces;
    }

    @Override
    public CreateLoadBalancerResponse handle(RequestContext ctx, CreateLoadBalancerRequest in) {
        String name = ElbNames.checkLoadBalancer(in.name());
        String type = in.typeAsString() == null ? "application" : in.typeAsString();
        if (!type.equals("application")) {
            throw Elbv2Errors.validation("Load balancer type '" + type + "' is not supported by Kumo: it serves application load balancers only");
        }
        String scheme = in.schemeAsString() == null ? LoadBalancerRecord.INTERNET_FACING : in.schemeAsString();
        if (!scheme.equals(LoadBalancerRecord.INTERNET_FACING) && !scheme.equals(LoadBalancerRecord.INTERNAL)) {
            throw Elbv2Errors.validation("Scheme '" + scheme + "' must be one of [internet-facing, internal]");
        }
        String ipAddressType = in.ipAddressTypeAsString() == null ? "ipv4" : in.ipAddressTypeAsString();
        if (!ipAddressType.equals("ipv4")) {
            throw Elbv2Errors.validation("IP address type '" + ipAddressType + "' is not supported by Kumo: its VPCs carry IPv4 only");
        }
        if (in.customerOwnedIpv4Pool() != null) {
            throw Elbv2Errors.validation("Customer-owned IP pools are for Outposts; Kumo has none");
        }
        List<String> subnetIds = subnetIds(in);
        VpcDirectory directory = vpcs.get();
        LoadBalancerRecord lb = ctx.write(tx -> {
            Placements.Zones placed = Placements.zones(tx, directory, subnetIds, null);
            if (scheme.equals(LoadBalancerRecord.INTERNET_FACING) && !directory.hasInternetGateway(tx, placed.vpcId())) {
                throw Elbv2Errors.of("InvalidSubnet", "VPC " + placed.vpcId() + " has no internet gateway");
            }
            List<String> groups = Placements.securityGroups(tx, directory, in.securityGroups(), placed.vpcId());
            Optional<LoadBalancerRecord> same = tx.list(LoadBalancerRecord.TABLE).stream().filter(l -> l.name().equals(name)).findFirst();
            if (same.isPresent()) {
                return sameSettings(same.get(), scheme, placed, groups);
            }
            if (tx.list(LoadBalancerRecord.TABLE).size() >= MOST_PER_REGION) {
                throw Elbv2Errors.of("TooManyLoadBalancers", "The quota of " + MOST_PER_REGION + " load balancers per region has been reached");
            }
            String arn = Arns.loadBalancer(ctx.region(), ctx.accountId(), name);
            List<LoadBalancerRecord.Zone> zones = Nodes.place(tx, interfaces.get(), arn, List.of(), placed.zones(), groups);
            LoadBalancerRecord created = new LoadBalancerRecord(arn, name,
                    LoadBalancers.dnsName(name, scheme, ctx.region()), HostedZones.of(ctx.region()), ctx.receivedAt(), scheme,
                    placed.vpcId(), LoadBalancerRecord.PROVISIONING, type, zones, groups, ipAddressType,
                    LoadBalancerAttributes.defaults());
            tx.put(LoadBalancerRecord.TABLE, created.arn(), created);
            Tags.add(tx, created.arn(), in.tags());
            return created;
        });
        return CreateLoadBalancerResponse.builder().loadBalancers(LoadBalancers.toSdk(lb)).build();
    }

    private static List<String> subnetIds(CreateLoadBalancerRequest in) {
        if (in.hasSubnets() && in.hasSubnetMappings()) {
            throw Elbv2Errors.validation("You can specify subnets or subnet mappings, not both");
        }
        List<String> out = new ArrayList<>(in.subnets());
        for (SubnetMapping mapping : in.subnetMappings()) {
            if (mapping.allocationId() != null || mapping.privateIPv4Address() != null || mapping.iPv6Address() != null) {
                throw Elbv2Errors.invalidConfiguration("Elastic IPs and private addresses in subnet mappings are for network load balancers");
            }
            out.add(mapping.subnetId());
        }
        return out;
    }

    private static LoadBalancerRecord sameSettings(LoadBalancerRecord existing, String scheme, Placements.Zones placed, List<String> groups) {
        if (existing.scheme().equals(scheme) && existing.zones().stream().map(LoadBalancerRecord.Zone::subnetId).toList()
                .equals(placed.zones().stream().map(LoadBalancerRecord.Zone::subnetId).toList())
                && existing.securityGroups().equals(groups)) {
            return existing;
        }
        throw Elbv2Errors.of("DuplicateLoadBalancerName", "A load balancer with the same name '" + existing.name()
                + "' exists, but with different settings");
    }
}
