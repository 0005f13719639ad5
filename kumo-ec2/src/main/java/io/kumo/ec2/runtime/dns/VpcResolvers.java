package io.kumo.ec2.runtime.dns;

import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** The resolvers of every VPC on this host, started on a VPC's first update and kept current by the next ones. */
public final class VpcResolvers implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("kumo.ec2.dns");

    /** Two channels bound to the resolver address (base + 2) port 53 inside a VPC's router namespace. */
    public record Sockets(DatagramChannel udp, ServerSocketChannel tcp) {
        public Sockets {
            Objects.requireNonNull(udp, "udp");
            Objects.requireNonNull(tcp, "tcp");
        }
    }

    /** Opens a VPC's sockets; on failure it closes whatever it opened and throws. */
    @FunctionalInterface
    public interface SocketOpener {
        Sockets open(String vpcId) throws Exception;
    }

    private final SocketOpener opener;
    private final HostedZones zones;
    private final io.kumo.core.dns.GeneratedNames generated;
    private final Map<String, VpcResolver> resolvers = new HashMap<>();

    public VpcResolvers(SocketOpener opener, HostedZones zones) {
        this(opener, zones, new io.kumo.core.dns.GeneratedNames());
    }

    public VpcResolvers(SocketOpener opener, HostedZones zones, io.kumo.core.dns.GeneratedNames generated) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.zones = Objects.requireNonNull(zones, "zones");
        this.generated = Objects.requireNonNull(generated, "generated");
    }

    /**
     * Serves these names in the VPC, opening its sockets the first time. A failure to open is logged and retried on
     * the next update: a VPC without DNS must not stop the reconcile that calls this.
     */
    public synchronized void update(String vpcId, VpcNames names) {
        if (!names.vpcId().equals(vpcId)) {
            throw new IllegalArgumentException("names of " + names.vpcId() + " given for " + vpcId);
        }
        VpcResolver running = resolvers.get(vpcId);
        if (running != null) {
            running.update(names);
            return;
        }
        try {
            Sockets sockets = opener.open(vpcId);
            resolvers.put(vpcId, VpcResolver.start(sockets.udp(), sockets.tcp(), names, zones, generated));
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "no DNS resolver in " + vpcId + " yet: " + e.getMessage());
        }
    }

    /** Stops the VPC's resolver, as its router namespace goes away. */
    public synchronized void forget(String vpcId) {
        VpcResolver resolver = resolvers.remove(vpcId);
        if (resolver != null) {
            resolver.close();
        }
    }

    @Override
    public synchronized void close() {
        resolvers.values().forEach(VpcResolver::close);
        resolvers.clear();
    }
}
