package io.kumo.rds.runtime;

import io.kumo.fabric.netns.NamespaceSockets;
import io.kumo.fabric.netns.NetworkNamespace;
import io.kumo.fabric.relay.TcpRelay;
import io.kumo.rds.runtime.engine.EngineException;
import io.kumo.rds.runtime.engine.ReplicationRoute;
import io.kumo.rds.runtime.engine.ServerSpec;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Replication between a DB instance's primary and standby goes around the VPC's firewall, as
 * RDS's own replication is not subject to the customer's security groups (db-sg need not admit
 * itself): the replica connects to a relay on loopback inside its own namespace, which connects
 * to the source from inside the source's namespace. One link per replica; after a failover the
 * same link follows the new source.
 */
final class ReplicationLinks implements ReplicationRoute, AutoCloseable {
    private static final System.Logger LOG = System.getLogger("kumo.rds.runtime");
    /** Loopback ports inside a server's namespace, where nothing else listens but the server itself. */
    private static final int FIRST_PORT = 47_000;
    private static final int PORTS_TRIED = 50;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private record Link(TcpRelay relay, AtomicReference<ServerSpec> source) {
    }

    private final NamespaceSockets sockets;
    private final Map<String, Link> byReplicaNamespace = new ConcurrentHashMap<>();

    ReplicationLinks(NamespaceSockets sockets) {
        this.sockets = sockets;
    }

    @Override
    public Via to(ServerSpec source, ServerSpec replica) {
        if (replica.namespace() == null || source.namespace() == null) {
            return DIRECT.to(source, replica);
        }
        Link link = byReplicaNamespace.compute(replica.namespace(), (namespace, existing) -> {
            if (existing != null) {
                existing.source().set(source);
                return existing;
            }
            return open(namespace, source);
        });
        return new Via("127.0.0.1", link.relay().address().getPort());
    }

    private Link open(String replicaNamespace, ServerSpec source) {
        AtomicReference<ServerSpec> current = new AtomicReference<>(source);
        TcpRelay.Dialer dialer = () -> {
            ServerSpec now = current.get();
            return TcpRelay.Dialer.connecting(() -> sockets.nativeSocket(new NetworkNamespace(now.namespace()), null),
                    new InetSocketAddress(now.connectAddress(), now.port()), CONNECT_TIMEOUT).dial();
        };
        RuntimeException last = null;
        for (int port = FIRST_PORT; port < FIRST_PORT + PORTS_TRIED; port++) {
            InetSocketAddress at = new InetSocketAddress("127.0.0.1", port);
            try {
                TcpRelay relay = sockets.call(new NetworkNamespace(replicaNamespace), () -> TcpRelay.open(at, dialer));
                return new Link(relay, current);
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw new EngineException("no replication link in " + replicaNamespace + ": " + (last == null ? "" : last.getMessage()), last);
    }

    /** Closes the links of replicas whose servers are gone (a deleted instance, a dropped standby). */
    void retainOnly(java.util.Set<String> serverNamespaces) {
        for (String namespace : java.util.Set.copyOf(byReplicaNamespace.keySet())) {
            if (!serverNamespaces.contains(namespace)) {
                Link link = byReplicaNamespace.remove(namespace);
                if (link != null) {
                    link.relay().close();
                }
            }
        }
    }

    @Override
    public void close() {
        byReplicaNamespace.values().forEach(l -> {
            try {
                l.relay().close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing a replication link: " + e.getMessage());
            }
        });
        byReplicaNamespace.clear();
    }
}
