package io.kumo.ec2.runtime.host;

import io.kumo.ec2.runtime.plan.InstancePlan;
import io.kumo.ec2.runtime.plan.SubnetPlan;
import io.kumo.fabric.host.Command;
import io.kumo.fabric.host.HostTools;
import io.kumo.fabric.netns.NetworkNamespace;

import java.util.List;

/**
 * An instance's network namespace: eth0 with its private IP and MAC, a veth whose other end sits
 * on its subnet's bridge in the VPC's router, and a default route through the router. The router
 * learns the instance's MAC for good, so an address reused by a new instance works at once.
 */
public final class InstanceNetwork {
    private final FabricNames names;
    private final VpcNetwork vpcs;

    public InstanceNetwork(FabricNames names, VpcNetwork vpcs) {
        this.names = names;
        this.vpcs = vpcs;
    }

    public NetworkNamespace namespace(String instanceId) {
        return new NetworkNamespace(names.instance(instanceId));
    }

    public NetworkNamespace ensure(InstancePlan plan) {
        return ensure(new Wiring(namespace(plan.instanceId()), plan.vpcId(), plan.interfaceId(), plan.subnet(), plan.macAddress(),
                plan.privateIp()));
    }

    /** What a namespace with one interface on a subnet needs: an instance's, or a service's node's. */
    public record Wiring(NetworkNamespace namespace, String vpcId, String interfaceId, SubnetPlan subnet, String macAddress,
                         String privateIp) {
    }

    public NetworkNamespace ensure(Wiring w) {
        NetworkNamespace ns = w.namespace();
        NetworkNamespace router = vpcs.router(w.vpcId());
        if (ns.exists()) {
            if (VpcNetwork.links(ns).contains("eth0")) {
                return ns;
            }
        } else {
            Command.of(HostTools.require("ip"), "netns", "add", ns.name()).run();
        }
        String port = FabricNames.routerPort(w.interfaceId());
        String bridge = FabricNames.bridge(w.subnet().subnetId());
        Command.of(HostTools.require("ip"), "link", "add", "eth0", "netns", ns.name(), "address", w.macAddress(), "mtu", VpcNetwork.MTU,
                "type", "veth", "peer", "name", port, "netns", router.name(), "mtu", VpcNetwork.MTU).run();
        router.ipStrict(List.of("link set " + port + " master " + bridge, "link set " + port + " up",
                "neighbour replace " + w.privateIp() + " lladdr " + w.macAddress() + " dev " + bridge + " nud permanent"));
        ns.ipStrict(List.of("link set lo up", "address add " + w.privateIp() + "/" + w.subnet().cidr().prefixLength() + " dev eth0",
                "link set eth0 up", "route replace default via " + w.subnet().gateway()));
        return ns;
    }

    public void remove(String instanceId) {
        namespace(instanceId).delete();
    }
}
