package io.kumo.ec2.runtime.host;

import io.kumo.core.net.Ipv4Cidr;
import io.kumo.ec2.runtime.plan.SubnetPlan;
import io.kumo.ec2.runtime.plan.VpcPlan;
import io.kumo.fabric.host.Command;
import io.kumo.fabric.host.HostTools;
import io.kumo.fabric.netns.NetworkNamespace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A VPC on the host: a router namespace with a bridge per subnet holding the subnet's gateway
 * (base + 1), the metadata address and the resolver address on its loopback, and, while an
 * internet gateway is attached, a veth to a gateway namespace through which the host's traffic
 * enters. Nothing of it lives in the host's own namespace.
 */
public final class VpcNetwork {
    /** The router's and the gateway's ends of the link between them. */
    static final String ROUTER_UPLINK = "169.254.0.1";
    /**
     * Every link inside a VPC carries 64 KiB frames (AWS's VPCs carry 9001 bytes): a web page or a
     * query result then crosses a veth as one segment, as it crosses loopback. At 9001 or 1500 a
     * 16 KiB response takes two segments or more, and the VPC path cost 2.5 times as much CPU per
     * request (bench/README.md). Nothing leaves a VPC as frames: the host's traffic ends in relays.
     */
    public static final String MTU = "65535";
    static final String GATEWAY_DOWNLINK = "169.254.0.2";
    /** The address the host's connections come from, as instances see them: TEST-NET-2, never routed. */
    public static final String HOST_AS_SEEN_FROM_VPC = io.kumo.core.network.HostAddress.AS_SEEN_FROM_VPCS;
    public static final String METADATA_ADDRESS = "169.254.169.254";

    private final FabricNames names;

    public VpcNetwork(FabricNames names) {
        this.names = names;
    }

    public NetworkNamespace router(String vpcId) {
        return new NetworkNamespace(names.router(vpcId));
    }

    public NetworkNamespace gateway(String vpcId) {
        return new NetworkNamespace(names.internetGateway(vpcId));
    }

    /** Makes the VPC's namespaces match the plan; safe to repeat. */
    public void ensure(VpcPlan plan) {
        NetworkNamespace router = router(plan.vpcId());
        boolean fresh = !router.exists();
        router.create();
        if (fresh) {
            router.sysctl("net.ipv4.ip_forward", "1");
            router.ipStrict(List.of("address add " + METADATA_ADDRESS + "/32 dev lo",
                    "address add " + plan.resolver() + "/32 dev lo"));
        }
        Set<String> links = links(router);
        List<String> commands = new ArrayList<>();
        Set<String> wanted = new HashSet<>();
        for (SubnetPlan subnet : plan.subnets()) {
            String bridge = FabricNames.bridge(subnet.subnetId());
            wanted.add(bridge);
            if (!links.contains(bridge)) {
                commands.add("link add " + bridge + " mtu " + MTU + " type bridge");
                commands.add("address add " + subnet.gateway() + "/" + subnet.cidr().prefixLength() + " dev " + bridge);
                commands.add("link set " + bridge + " up");
            }
        }
        for (String link : links) {
            if (link.startsWith("b") && !wanted.contains(link)) {
                commands.add("link delete " + link);
            }
        }
        router.ipStrict(commands);
        if (plan.internetGateway()) {
            ensureGateway(plan, router, links.contains("igw0"));
        } else {
            gateway(plan.vpcId()).delete();
        }
    }

    private void ensureGateway(VpcPlan plan, NetworkNamespace router, boolean linked) {
        NetworkNamespace gateway = gateway(plan.vpcId());
        if (!gateway.exists() || !linked) {
            gateway.delete();
            gateway.create();
            Command.of(HostTools.require("ip"), "link", "add", "igw0", "netns", router.name(), "mtu", MTU, "type", "veth",
                    "peer", "name", "gw0", "netns", gateway.name(), "mtu", MTU).run();
            router.ipStrict(List.of("address add " + ROUTER_UPLINK + "/30 dev igw0", "link set igw0 up",
                    "route replace default via " + GATEWAY_DOWNLINK));
            gateway.ipStrict(List.of("address add " + GATEWAY_DOWNLINK + "/30 dev gw0", "link set gw0 up",
                    "address add " + HOST_AS_SEEN_FROM_VPC + "/32 dev lo"));
        }
        List<String> routes = new ArrayList<>();
        for (Ipv4Cidr cidr : plan.cidrs()) {
            routes.add("route replace " + cidr + " via " + ROUTER_UPLINK + " src " + HOST_AS_SEEN_FROM_VPC);
        }
        gateway.ipStrict(routes);
    }

    public void remove(String vpcId) {
        gateway(vpcId).delete();
        router(vpcId).delete();
    }

    static Set<String> links(NetworkNamespace ns) {
        Set<String> names = new HashSet<>();
        for (String line : Command.of(HostTools.require("ip"), "-n", ns.name(), "-o", "link", "show").run().split("\n")) {
            String[] parts = line.split(":\\s+", 3);
            if (parts.length >= 2) {
                String name = parts[1];
                int at = name.indexOf('@');
                names.add(at >= 0 ? name.substring(0, at) : name);
            }
        }
        return names;
    }
}
