package io.kumo.ec2.runtime.host;

import io.kumo.ec2.runtime.imds.ImdsHandler;
import io.kumo.ec2.runtime.imds.ImdsTokens;
import io.kumo.ec2.runtime.imds.InstanceMetadata;
import io.kumo.fabric.netns.NamespaceSockets;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instance metadata service: one listener per VPC on 169.254.169.254:80 inside the VPC's
 * router namespace, where instances reach it through their default route. The caller's source
 * address tells which instance asks, since addresses are unique within a VPC.
 */
public final class MetadataServers implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("kumo.ec2.imds");

    private final NamespaceSockets sockets;
    private final VpcNetwork vpcs;
    private final ImdsTokens tokens;
    /** Made on first use: Netty's classes stay unloaded until a VPC has a running instance. */
    private EventLoopGroup group;
    private final Map<String, Channel> servers = new ConcurrentHashMap<>();
    private final Map<String, Map<String, InstanceMetadata>> instancesByVpc = new ConcurrentHashMap<>();

    public MetadataServers(NamespaceSockets sockets, VpcNetwork vpcs, Clock clock) {
        this.sockets = sockets;
        this.vpcs = vpcs;
        this.tokens = new ImdsTokens(clock);
    }

    /** Serves these instances (by private IP) in the VPC, opening its listener the first time. */
    public void serve(String vpcId, Map<String, InstanceMetadata> byPrivateIp) {
        instancesByVpc.put(vpcId, Map.copyOf(byPrivateIp));
        if (servers.containsKey(vpcId)) {
            return;
        }
        ServerBootstrap bootstrap = new ServerBootstrap().group(group()).channel(NioServerSocketChannel.class)
                .childHandler(ImdsHandler.initializer(ip -> Optional.ofNullable(instancesByVpc.getOrDefault(vpcId, Map.of()).get(ip)), tokens));
        try {
            Channel channel = sockets.call(vpcs.router(vpcId), () -> bootstrap.bind(VpcNetwork.METADATA_ADDRESS, 80).sync().channel());
            servers.put(vpcId, channel);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "no metadata service in " + vpcId + ": " + e.getMessage());
        }
    }

    private synchronized EventLoopGroup group() {
        if (group == null) {
            group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        }
        return group;
    }

    public void forget(String vpcId) {
        instancesByVpc.remove(vpcId);
        Channel channel = servers.remove(vpcId);
        if (channel != null) {
            channel.close();
        }
    }

    @Override
    public void close() {
        servers.values().forEach(Channel::close);
        servers.clear();
        synchronized (this) {
            if (group != null) {
                group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }
}
