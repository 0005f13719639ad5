package io.kumo.ec2.runtime.host;

import io.kumo.fabric.netns.NamespaceSockets;
import io.kumo.fabric.netns.NetworkNamespace;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
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
 */
public final class PublicEndpoints implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("kumo.ec2.public");
    private static final int CONNECT_TIMEOUT_MILLIS = 2000;
    private static final int BUFFER = 256 * 1024;

    /** Where a public address leads. */
    public record Target(String publicIp, NetworkNamespace gateway, String privateIp, List<Integer> ports) {
    }

    private record Key(String publicIp, int port) {
    }

    private record Listener(ServerSocketChannel server, Target target) {
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
        try {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(new InetSocketAddress(key.publicIp(), key.port()), 128);
            Listener listener = new Listener(server, target);
            listeners.put(key, listener);
            Thread.ofVirtual().name("public-" + key.publicIp() + ":" + key.port()).start(() -> accept(listener, key.port()));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot listen on " + key.publicIp() + ":" + key.port() + ": " + e.getMessage());
        }
    }

    private void close(Key key) {
        Listener l = listeners.remove(key);
        if (l != null) {
            try {
                l.server().close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    private void accept(Listener listener, int port) {
        while (listener.server().isOpen()) {
            try {
                SocketChannel client = listener.server().accept();
                Thread.ofVirtual().start(() -> relay(client, listener.target(), port));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(SocketChannel client, Target target, int port) {
        try (client; SocketChannel inner = sockets.socket(target.gateway(), new InetSocketAddress(VpcNetwork.HOST_AS_SEEN_FROM_VPC, 0))) {
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            inner.setOption(StandardSocketOptions.TCP_NODELAY, true);
            inner.socket().connect(new InetSocketAddress(target.privateIp(), port), CONNECT_TIMEOUT_MILLIS);
            Thread back = Thread.ofVirtual().start(() -> pump(inner, client));
            pump(client, inner);
            back.join();
        } catch (IOException | RuntimeException e) {
            resetQuietly(client);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pump(SocketChannel from, SocketChannel to) {
        ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER);
        try {
            while (from.read(buf) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    to.write(buf);
                }
                buf.clear();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            try {
                to.close();
                from.close();
            } catch (IOException ignored) {
                // both ends are gone
            }
        }
    }

    private static void resetQuietly(SocketChannel client) {
        try {
            client.setOption(StandardSocketOptions.SO_LINGER, 0);
            client.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public synchronized void close() {
        Set.copyOf(listeners.keySet()).forEach(this::close);
    }
}
