package io.kumo.ec2.runtime.dns;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The DNS server of one VPC, on sockets the caller opened inside the VPC's router namespace (a socket belongs to the
 * namespace it was created in, which only a dedicated thread can enter). A few virtual threads read UDP from the one
 * channel, one accepts TCP and one serves each TCP connection; answers come from memory, so nothing else blocks.
 */
public final class VpcResolver implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("kumo.ec2.dns");

    /** How long a TCP connection may sit between queries (RFC 7766 lets servers close idle ones). */
    static final Duration TCP_IDLE = Duration.ofSeconds(10);
    /** Connections beyond this are closed on accept, so a leaky client cannot exhaust the threads or descriptors. */
    static final int MAX_TCP_CONNECTIONS = 64;
    /**
     * Virtual threads reading the UDP channel. The channel hands out one datagram at a time, but answering takes longer
     * than receiving, so while one thread answers another can already read: a single loop held the server to one core.
     */
    static final int UDP_LOOPS = Math.clamp(Runtime.getRuntime().availableProcessors(), 2, 4);
    /** A pause after an unexpected accept failure (say, out of descriptors), so the loop does not spin. */
    private static final Duration ACCEPT_BACKOFF = Duration.ofMillis(100);

    private final String vpcId;
    private final HostedZones zones;
    private final io.kumo.core.dns.GeneratedNames generated;
    private final DatagramChannel udp;
    private final ServerSocketChannel tcp;
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private final List<Thread> udpLoops;
    private final Thread tcpLoop;
    private volatile DnsAnswerer answerer;
    private volatile boolean closed;

    private VpcResolver(DatagramChannel udp, ServerSocketChannel tcp, VpcNames names, HostedZones zones,
                        io.kumo.core.dns.GeneratedNames generated) {
        this(names.vpcId(), udp, tcp, new DnsAnswerer(names, zones, generated), zones, generated);
    }

    private VpcResolver(String vpcId, DatagramChannel udp, ServerSocketChannel tcp, DnsAnswerer answerer, HostedZones zones,
                        io.kumo.core.dns.GeneratedNames generated) {
        this.vpcId = vpcId;
        this.zones = Objects.requireNonNull(zones, "zones");
        this.generated = Objects.requireNonNull(generated, "generated");
        this.udp = Objects.requireNonNull(udp, "udp");
        this.tcp = Objects.requireNonNull(tcp, "tcp");
        this.answerer = Objects.requireNonNull(answerer, "answerer");
        this.udpLoops = IntStream.range(0, UDP_LOOPS)
                .mapToObj(i -> Thread.ofVirtual().name("kumo-dns-udp-" + vpcId + "-" + i).unstarted(this::serveUdp)).toList();
        this.tcpLoop = Thread.ofVirtual().name("kumo-dns-tcp-" + vpcId).unstarted(this::acceptTcp);
    }

    /** Serves the VPC's instance names on two bound channels, which it owns from now on. */
    public static VpcResolver start(DatagramChannel udp, ServerSocketChannel tcp, VpcNames names) {
        return start(udp, tcp, names, HostedZones.NONE);
    }

    /** Serves the VPC's hosted zones and instance names on two bound channels, which it owns from now on. */
    public static VpcResolver start(DatagramChannel udp, ServerSocketChannel tcp, VpcNames names, HostedZones zones) {
        return start(udp, tcp, names, zones, new io.kumo.core.dns.GeneratedNames());
    }

    /** As above, with the names other services generate (load balancers...) answered too. */
    public static VpcResolver start(DatagramChannel udp, ServerSocketChannel tcp, VpcNames names, HostedZones zones,
                                    io.kumo.core.dns.GeneratedNames generated) {
        return started(new VpcResolver(udp, tcp, names, zones, generated));
    }

    /**
     * Serves one fixed answerer on two bound channels, which it owns from now on: the host listener, named
     * {@code label} in logs and thread names. Such a server has no VPC names to update.
     */
    public static VpcResolver serving(String label, DatagramChannel udp, ServerSocketChannel tcp, DnsAnswerer answerer) {
        return started(new VpcResolver(label, udp, tcp, answerer, HostedZones.NONE, new io.kumo.core.dns.GeneratedNames()));
    }

    private static VpcResolver started(VpcResolver resolver) {
        try {
            resolver.udp.configureBlocking(true);
            resolver.tcp.configureBlocking(true);
        } catch (IOException e) {
            resolver.close();
            throw new IllegalStateException("cannot serve DNS for " + resolver.vpcId + ": " + e.getMessage(), e);
        }
        resolver.udpLoops.forEach(Thread::start);
        resolver.tcpLoop.start();
        return resolver;
    }

    /** Answers from these names from the next query on. */
    public void update(VpcNames names) {
        if (!names.vpcId().equals(vpcId)) {
            throw new IllegalArgumentException("resolver of " + vpcId + " given the names of " + names.vpcId());
        }
        answerer = new DnsAnswerer(names, zones, generated);
    }

    public String vpcId() {
        return vpcId;
    }

    private void serveUdp() {
        ByteBuffer buffer = ByteBuffer.allocate(WireAnswerer.TCP_LIMIT);
        while (!closed) {
            buffer.clear();
            SocketAddress from;
            try {
                from = udp.receive(buffer);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "DNS receive failed in " + vpcId + ": " + e.getMessage());
                continue;
            }
            if (!(from instanceof InetSocketAddress client)) {
                continue;
            }
            byte[] packet = new byte[buffer.flip().remaining()];
            buffer.get(packet);
            try {
                Optional<byte[]> reply = WireAnswerer.reply(answerer, packet, client.getAddress(), false);
                if (reply.isPresent()) {
                    udp.send(ByteBuffer.wrap(reply.get()), client);
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "DNS query from " + client + " in " + vpcId + " failed", e);
            }
        }
    }

    private void acceptTcp() {
        while (!closed) {
            SocketChannel connection;
            try {
                connection = tcp.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "DNS accept failed in " + vpcId + ": " + e.getMessage());
                if (!pause()) {
                    return;
                }
                continue;
            }
            if (connections.size() >= MAX_TCP_CONNECTIONS || closed) {
                closeQuietly(connection);
                continue;
            }
            connections.add(connection);
            Thread.ofVirtual().name("kumo-dns-tcp-" + vpcId + "-conn").start(() -> serveTcp(connection));
        }
    }

    /** Several queries per connection, each framed by a two-byte length (RFC 1035, 4.2.2). */
    private void serveTcp(SocketChannel connection) {
        try (connection) {
            Socket socket = connection.socket();
            // The socket adaptor's streams honour SO_TIMEOUT on a blocking channel; the channel's own reads would not.
            socket.setSoTimeout((int) TCP_IDLE.toMillis());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            InetAddress client = socket.getInetAddress();
            while (!closed) {
                byte[] packet = new byte[in.readUnsignedShort()];
                in.readFully(packet);
                Optional<byte[]> reply = WireAnswerer.reply(answerer, packet, client, true);
                if (reply.isEmpty()) {
                    return;
                }
                out.write(framed(reply.get()));
                out.flush();
            }
        } catch (EOFException | SocketTimeoutException | ClosedChannelException e) {
            // the client is done, idle, or the resolver is closing
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                LOG.log(System.Logger.Level.DEBUG, "DNS over TCP in " + vpcId + " failed: " + e.getMessage());
            }
        } finally {
            connections.remove(connection);
        }
    }

    private static byte[] framed(byte[] message) {
        return ByteBuffer.allocate(2 + message.length).putShort((short) message.length).put(message).array();
    }

    private boolean pause() {
        try {
            Thread.sleep(ACCEPT_BACKOFF);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops serving: closes both channels and every open connection. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(udp);
        closeQuietly(tcp);
        connections.forEach(VpcResolver::closeQuietly);
        for (Thread loop : Stream.concat(udpLoops.stream(), Stream.of(tcpLoop)).toList()) {
            try {
                loop.join(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing is best effort
        }
    }
}
