package io.kumo.ec2.runtime.host;

import io.kumo.fabric.netns.NamespaceSockets;
import io.kumo.fabric.netns.NetworkNamespace;
import io.kumo.fabric.relay.TcpRelay;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host's way in to public instances. Each public IP is an address of 127.0.0.0/8 on which
 * Kumo listens, in the host's namespace, on every port the instance listens on; each connection
 * is carried on from the VPC's internet gateway namespace to the private IP, so it crosses the
 * VPC's router, its routes, network ACLs and security groups like any packet from the internet.
 * Where those drop it, the connection attempt times out and the host's connection is reset.
 * The bytes are moved by the kernel ({@link TcpRelay}, splice): copying them through the JVM
 * took half of a 2-core machine at ~1 GB/s, away from the instance and its clients.
 */
public final class PublicEndpoints implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("kumo.ec2.public");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** Where a public address leads. */
    public record Target(String publicIp, NetworkNamespace gateway, String privateIp, List<Integer> ports) {
    }

    private record Key(String publicIp, int port) {
    }

    private record Listener(TcpRelay relay, Target target) {
    }

    private final NamespaceSockets sockets;
    private final Map<Key, Listener> listeners = new ConcurrentHashMap<>();

    public PublicEndpoints(NamespaceSockets sockets) {
        this.sockets = sockets;
    }

    /** Makes the listeners match {@code targets}: new ports open, gone ones close. */
    public synchronized void update(List<Target> targets) {
        Map<Key, Target> wanted = new HashMap<>();
        for (Target t : targets) {
            for (int port : t.ports()) {
                wanted.put(new Key(t.publicIp(), port), t);
            }
        }
        for (Map.Entry<Key, Listener> e : Set.copyOf(listeners.entrySet())) {
            Target now = wanted.get(e.getKey());
            if (now == null || !now.privateIp().equals(e.getValue().target().privateIp())
                    || !now.gateway().equals(e.getValue().target().gateway())) {
                close(e.getKey());
            }
        }
        for (Map.Entry<Key, Target> e : wanted.entrySet()) {
            if (!listeners.containsKey(e.getKey())) {
                open(e.getKey(), e.getValue());
            }
        }
    }

    public Set<String> openAddresses() {
        Set<String> out = new java.util.TreeSet<>();
        listeners.keySet().forEach(k -> out.add(k.publicIp() + ":" + k.port()));
        return out;
    }

    private void open(Key key, Target target) {
        InetSocketAddress inside = new InetSocketAddress(VpcNetwork.HOST_AS_SEEN_FROM_VPC, 0);
        TcpRelay.Dialer dialer = TcpRelay.Dialer.connecting(() -> sockets.nativeSocket(target.gateway(), inside),
                new InetSocketAddress(target.privateIp(), key.port()), CONNECT_TIMEOUT);
        try {
            listeners.put(key, new Listener(TcpRelay.open(new InetSocketAddress(key.publicIp(), key.port()), dialer), target));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot listen on " + key.publicIp() + ":" + key.port() + ": " + e.getMessage());
        }
    }

    private void close(Key key) {
        Listener l = listeners.remove(key);
        if (l != null) {
            l.relay().close();
        }
    }

    @Override
    public synchronized void close() {
        Set.copyOf(listeners.keySet()).forEach(this::close);
    }
}
