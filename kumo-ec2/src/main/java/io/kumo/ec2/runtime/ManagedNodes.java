package io.kumo.ec2.runtime;

import io.kumo.core.network.InterfaceNamespaces;
import io.kumo.ec2.runtime.host.FabricNames;
import io.kumo.ec2.runtime.host.InstanceNetwork;
import io.kumo.ec2.runtime.plan.NodePlan;
import io.kumo.fabric.FabricException;
import io.kumo.fabric.netns.NetworkNamespace;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The namespaces of managed network interfaces: services' nodes (a load balancer's, one per zone)
 * that need an address on their subnet, behind the VPC's firewall, and nothing else. A node is
 * published to {@link InterfaceNamespaces} only once its firewall is in place.
 */
final class ManagedNodes implements InterfaceNamespaces {
    private static final System.Logger LOG = System.getLogger("kumo.ec2.runner");

    private final FabricNames names;
    private final InstanceNetwork networks;
    private final Set<String> wired = ConcurrentHashMap.newKeySet();
    private final Map<String, String> published = new ConcurrentHashMap<>();

    ManagedNodes(FabricNames names, InstanceNetwork networks) {
        this.names = names;
        this.networks = networks;
    }

    /** Wires the nodes of built VPCs that are not yet, deletes the namespaces of nodes gone; returns the wired interfaces. */
    Set<String> wire(List<NodePlan> nodes, Set<String> builtVpcs) {
        Set<String> wanted = new HashSet<>();
        for (NodePlan node : nodes) {
            if (!builtVpcs.contains(node.vpcId())) {
                continue;
            }
            wanted.add(node.interfaceId());
            if (!wired.contains(node.interfaceId())) {
                try {
                    networks.ensure(new InstanceNetwork.Wiring(namespace(node.interfaceId()), node.vpcId(), node.interfaceId(),
                            node.subnet(), node.macAddress(), node.privateIp()));
                    wired.add(node.interfaceId());
                } catch (FabricException e) {
                    LOG.log(System.Logger.Level.WARNING, "the node " + node.interfaceId() + " could not be wired", e);
                }
            }
        }
        for (String gone : Set.copyOf(wired)) {
            if (!wanted.contains(gone)) {
                published.remove(gone);
                wired.remove(gone);
                namespace(gone).delete();
            }
        }
        return Set.copyOf(wired);
    }

    /** Makes the wired nodes visible to the services that own them: their firewall has been applied. */
    void publish() {
        wired.forEach(id -> published.putIfAbsent(id, names.node(id)));
    }

    @Override
    public Optional<String> namespaceOf(String networkInterfaceId) {
        return Optional.ofNullable(published.get(networkInterfaceId));
    }

    private NetworkNamespace namespace(String interfaceId) {
        return new NetworkNamespace(names.node(interfaceId));
    }
}
