package io.kumo.ec2.runtime.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;

/**
 * Kumo's DNS server on the host: UDP and TCP on 127.0.0.1, answering the public hosted zones and the public names Kumo
 * generates with authority, and refusing everything else (it is no recursive resolver). The same answering code and
 * socket loops as the VPC resolvers, with the host's chain ({@link DnsAnswerer#forHost}).
 *
 * <p>Port: the one asked for (0 picks any free port), or, when none is asked for, 53 where it can be bound (root, or
 * CAP_NET_BIND_SERVICE), else {@link #FALLBACK_PORT}, else the next free port above it.
 */
public final class HostDnsServer implements AutoCloseable {
    /** The port when 53 cannot be bound: documented, so users can write it in their scripts. */
    public static final int FALLBACK_PORT = 10053;
    /** How many ports above the fallback are tried, for several Kumos on one host. */
    static final int FALLBACK_TRIES = 20;
    /** Asked for no port in particular. */
    public static final int AUTOMATIC = -1;

    private final VpcResolver server;
    private final int port;

    private HostDnsServer(VpcResolver server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts on the port asked for, or chooses one when {@link #AUTOMATIC}; throws when it cannot bind. */
    public static HostDnsServer start(int requestedPort, DnsAnswerer answerer) throws IOException {
        if (requestedPort != AUTOMATIC) {
            return bind(requestedPort, answerer);
        }
        IOException last = null;
        for (int candidate : candidates()) {
            try {
                return bind(candidate, answerer);
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private static int[] candidates() {
        int[] ports = new int[FALLBACK_TRIES + 1];
        ports[0] = 53;
        for (int i = 0; i < FALLBACK_TRIES; i++) {
            ports[i + 1] = FALLBACK_PORT + i;
        }
        return ports;
    }

    /** TCP first, so port 0 picks a port that UDP then takes too. */
    private static HostDnsServer bind(int port, DnsAnswerer answerer) throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        ServerSocketChannel tcp = ServerSocketChannel.open(StandardProtocolFamily.INET);
        DatagramChannel udp = null;
        try {
            tcp.bind(new InetSocketAddress(loopback, port));
            int bound = ((InetSocketAddress) tcp.getLocalAddress()).getPort();
            udp = DatagramChannel.open(StandardProtocolFamily.INET);
            udp.bind(new InetSocketAddress(loopback, bound));
            return new HostDnsServer(VpcResolver.serving("host", udp, tcp, answerer), bound);
        } catch (IOException | RuntimeException e) {
            tcp.close();
            if (udp != null) {
                udp.close();
            }
            throw e;
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.close();
    }
}
