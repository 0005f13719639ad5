package io.kumo.elbv2.runtime;

import io.kumo.core.network.InterfaceNamespaces;
import io.kumo.fabric.netns.NamespaceSockets;
import io.kumo.fabric.netns.NetworkNamespace;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where load balancers listen. The front door: on the host's loopback, one port per listener port
 * of internet-facing load balancers (the port itself where it can be bound, else 10000 more), the
 * Host header telling which load balancer a request is for, since every name under .localhost
 * resolves to loopback. And each node's own listeners, inside its namespace, for clients in the VPC.
 */
final class ProxyServers implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("kumo.elbv2.proxy");
    static final int FALLBACK_OFFSET = FrontDoorPorts.FALLBACK_OFFSET;

    private final AtomicReference<ElbPlans> plans;
    private final InterfaceNamespaces namespaces;
    private final NamespaceSockets sockets;
    private final Upstreams upstreams;
    private final TargetChooser chooser;
    private final ElbMetrics metrics;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, Transport.ioHandlers());
    private final Map<Integer, List<Channel>> frontDoors = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> hostPorts = new ConcurrentHashMap<>();
    private final Map<String, Channel> nodeServers = new ConcurrentHashMap<>();
    private final TlsContexts tlsContexts = new TlsContexts();

    ProxyServers(AtomicReference<ElbPlans> plans, InterfaceNamespaces namespaces, NamespaceSockets sockets, Upstreams upstreams,
                 TargetChooser chooser, ElbMetrics metrics) {
        this.metrics = metrics;
        this.plans = plans;
        this.namespaces = namespaces;
        this.sockets = sockets;
        this.upstreams = upstreams;
        this.chooser = chooser;
    }

    /** Opens the front door on each listener port wanted and closes those no longer wanted. */
    void frontDoors(Set<Integer> listenerPorts) {
        for (int port : listenerPorts) {
            if (!frontDoors.containsKey(port)) {
                openFrontDoor(port);
            }
        }
        for (int port : Set.copyOf(frontDoors.keySet())) {
            if (!listenerPorts.contains(port)) {
                frontDoors.remove(port).forEach(Channel::close);
                hostPorts.remove(port);
            }
        }
    }

    /** Listener port → the host's port answering for it. */
    Map<Integer, Integer> hostPorts() {
        return new TreeMap<>(hostPorts);
    }

    /**
     * Makes the nodes' own listeners match: {@code wanted} maps a node's interface to its load
     * balancer's DNS name and listener ports. Nodes not wired yet are tried again at the next call.
     */
    void nodeListeners(Map<String, Map.Entry<String, Set<Integer>>> wanted) {
        Map<String, Boolean> keep = new HashMap<>();
        for (var node : wanted.entrySet()) {
            var ns = namespaces.namespaceOf(node.getKey());
            if (ns.isEmpty()) {
                continue;
            }
            for (int port : node.getValue().getValue()) {
                String key = node.getKey() + "|" + port;
                keep.put(key, true);
                if (!nodeServers.containsKey(key)) {
                    ProxyHandler.Entry entry = new ProxyHandler.Entry(node.getValue().getKey(), port);
                    try {
                        Channel channel = sockets.call(new NetworkNamespace(ns.get()),
                                () -> bootstrap(entry).bind("0.0.0.0", port).sync().channel());
                        nodeServers.put(key, channel);
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "the node " + node.getKey() + " cannot listen on " + port + ": " + e.getMessage());
                    }
                }
            }
        }
        for (String key : Set.copyOf(nodeServers.keySet())) {
            if (!keep.containsKey(key)) {
                nodeServers.remove(key).close();
            }
        }
    }

    private void openFrontDoor(int listenerPort) {
        for (int hostPort : new int[]{listenerPort, listenerPort + FALLBACK_OFFSET}) {
            if (hostPort > 65535) {
                continue;
            }
            ProxyHandler.Entry entry = new ProxyHandler.Entry(null, listenerPort);
            try {
                List<Channel> channels = new ArrayList<>();
                channels.add(bootstrap(entry).bind("127.0.0.1", hostPort).sync().channel());
                try {
                    channels.add(bootstrap(entry).bind("::1", hostPort).sync().channel());
                } catch (Exception e) {
                    // no IPv6 loopback here: curl falls back to 127.0.0.1
                }
                frontDoors.put(listenerPort, channels);
                hostPorts.put(listenerPort, hostPort);
                if (hostPort != listenerPort) {
                    LOG.log(System.Logger.Level.WARNING, "port " + listenerPort + " cannot be bound here; load balancers' listeners on "
                            + listenerPort + " answer on 127.0.0.1:" + hostPort);
                }
                return;
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot bind 127.0.0.1:" + hostPort + ": " + e.getMessage());
            }
        }
        LOG.log(System.Logger.Level.WARNING, "no port on 127.0.0.1 for load balancers' listeners on " + listenerPort);
    }

    private ServerBootstrap bootstrap(ProxyHandler.Entry entry) {
        return new ServerBootstrap().group(group).channel(Transport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        int idle = idleTimeout(entry) + 1; // a target's 504 at the idle timeout goes out first
                        ch.pipeline().addLast(new IdleStateHandler(0, 0, idle, TimeUnit.SECONDS), new IdleCloser());
                        ClientPipeline.install(ch.pipeline(), new ClientPipeline.Setup(name -> certificateFor(entry, name),
                                tls -> new ProxyHandler(entry, tls, plans, namespaces, upstreams, chooser, metrics)));
                    }
                });
    }

    /**
     * The certificate a TLS client gets: of the HTTPS listeners on this port (of the node's load
     * balancer, or at the front door of every internet-facing one), the one whose load balancer
     * has the SNI name as DNS name, else whose certificate is for that name, else the first.
     */
    private SslContext certificateFor(ProxyHandler.Entry entry, String sniName) {
        ElbPlans now = plans.get();
        List<ElbPlans.Balancer> balancers = entry.frontDoor()
                ? now.byDnsName().values().stream().filter(ElbPlans.Balancer::internetFacing).toList()
                : java.util.Optional.ofNullable(now.byDnsName().get(entry.dnsName().toLowerCase(Locale.ROOT))).stream().toList();
        List<ElbPlans.Balancer> https = balancers.stream()
                .filter(b -> b.listeners().containsKey(entry.listenerPort()) && b.listeners().get(entry.listenerPort()).https())
                .sorted(java.util.Comparator.comparing(ElbPlans.Balancer::arn))
                .toList();
        if (https.isEmpty()) {
            return null;
        }
        String name = sniName == null ? "" : sniName.toLowerCase(Locale.ROOT);
        ElbPlans.Balancer chosen = https.stream().filter(b -> b.dnsName().equalsIgnoreCase(name)).findFirst()
                .or(() -> https.stream().filter(b -> covers(b.listeners().get(entry.listenerPort()).tls(), name)).findFirst())
                .orElse(https.getFirst());
        try {
            return tlsContexts.of(chosen.listeners().get(entry.listenerPort()).tls());
        } catch (IllegalStateException e) {
            LOG.log(System.Logger.Level.WARNING, e.getMessage());
            return null;
        }
    }

    private static boolean covers(ElbPlans.Tls tls, String name) {
        return tls.certificate().names().stream().anyMatch(n -> n.equals(name)
                || (n.startsWith("*.") && name.endsWith(n.substring(1)) && name.indexOf('.') == name.length() - n.length() + 1));
    }

    /** The idle timeout of the node's load balancer; at the front door, the longest of all (each request is bounded by its own). */
    private int idleTimeout(ProxyHandler.Entry entry) {
        ElbPlans now = plans.get();
        if (entry.frontDoor()) {
            return now.byDnsName().values().stream().mapToInt(ElbPlans.Balancer::idleTimeoutSeconds).max().orElse(60);
        }
        ElbPlans.Balancer lb = now.byDnsName().get(entry.dnsName().toLowerCase(java.util.Locale.ROOT));
        return lb == null ? 60 : lb.idleTimeoutSeconds();
    }

    @Override
    public void close() {
        frontDoors.values().forEach(l -> l.forEach(Channel::close));
        nodeServers.values().forEach(Channel::close);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
