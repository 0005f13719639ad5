package io.kumo.fabric.relay;

import io.kumo.fabric.host.Isolation;
import io.kumo.fabric.netns.NamespaceSockets;
import io.kumo.fabric.netns.NetworkNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Relays real TCP from the host's loopback into a network namespace made for the test, where
 * the servers listen on an address of the namespace's own loopback; so all traffic stays on
 * 127.0.0.0/8 and inside that namespace. Root only.
 */
class TcpRelayTest {
    private static final NetworkNamespace NS = new NetworkNamespace("kumotest-relay-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
    /** The server's address, on the namespace's loopback. */
    private static final String SERVER = "10.99.0.2";
    /** The relay's source address inside the namespace (Kumo uses the host's address as the VPC sees it). */
    private static final String RELAY_SOURCE = "198.51.100.1";
    private static final int ECHO = 7000;
    private static final int SPEAKS_FIRST = 7001;
    private static final int DROPPED = 7002;
    private static final int CLOSED = 7003;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private static NamespaceSockets sockets;
    private static final List<ServerSocketChannel> servers = new ArrayList<>();
    private static final CompletableFuture<String> speaksFirstReceived = new CompletableFuture<>();

    @BeforeAll
    static void namespaceWithServers() throws IOException {
        Isolation isolation = Isolation.probe();
        assumeTrue(isolation.available(), isolation.reason());
        try {
            NS.create();
            NS.ipStrict(List.of("address add " + SERVER + "/32 dev lo", "address add " + RELAY_SOURCE + "/32 dev lo"));
            // A firewall that drops SYNs, as a security group without the rule does.
            NS.nft("table inet relaytest {\n chain input {\n  type filter hook input priority 0; policy accept;\n  tcp dport " + DROPPED + " drop\n }\n}\n");
            sockets = new NamespaceSockets();
            serve(ECHO, TcpRelayTest::echo);
            serve(SPEAKS_FIRST, TcpRelayTest::speakFirstThenListen);
            serve(DROPPED, channel -> { });
        } catch (RuntimeException | Error e) {
            cleanUp();
            throw e;
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        for (ServerSocketChannel server : servers) {
            server.close();
        }
        if (sockets != null) {
            sockets.close();
        }
        NS.delete();
    }

    @Test
    void carriesMebibytesBothWaysAndPassesTheClientsHalfClose() throws Exception {
        try (TcpRelay relay = relayTo(ECHO); Socket client = connect(relay)) {
            byte[] sent = new byte[6 << 20];
            new Random(42).nextBytes(sent);
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    client.getOutputStream().write(sent);
                    client.shutdownOutput();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            byte[] back = client.getInputStream().readAllBytes();
            writing.get(30, TimeUnit.SECONDS);
            assertThat(back.length).isEqualTo(sent.length);
            assertThat(sha256(back)).isEqualTo(sha256(sent));
        }
    }

    @Test
    void passesTheServersHalfCloseWhileTheClientGoesOnSending() throws Exception {
        try (TcpRelay relay = relayTo(SPEAKS_FIRST); Socket client = connect(relay)) {
            byte[] greeting = client.getInputStream().readAllBytes();
            assertThat(new String(greeting)).isEqualTo("hello from " + RELAY_SOURCE);
            client.getOutputStream().write("still here".getBytes());
            client.shutdownOutput();
            assertThat(speaksFirstReceived.get(10, TimeUnit.SECONDS)).isEqualTo("still here");
        }
    }

    @Test
    void resetsTheClientWhenTheTargetDropsTheSyn() throws Exception {
        try (TcpRelay relay = relayTo(DROPPED); Socket client = connect(relay)) {
            client.setSoTimeout(10_000);
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketException.class).hasMessageContaining("reset");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).isBetween(CONNECT_TIMEOUT.toMillis() - 200, 3000L);
        }
    }

    @Test
    void resetsTheClientAtOnceWhenTheTargetRefuses() throws Exception {
        try (TcpRelay relay = relayTo(CLOSED)) {
            long start = System.nanoTime();
            // The reset can come so soon that it already fails the client's connect.
            assertThatThrownBy(() -> {
                try (Socket client = connect(relay)) {
                    client.getInputStream().read();
                }
            }).isInstanceOf(SocketException.class).hasMessageContaining("reset");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000L);
        }
    }

    @Test
    void closeWakesTheAcceptorAndFreesTheAddressAtOnce() throws Exception {
        InetSocketAddress address = freshAddress();
        TcpRelay relay = TcpRelay.open(address, dialer(ECHO));
        String acceptor = "relay-accept-" + address.getAddress().getHostAddress() + ":" + address.getPort();
        assertThat(threadNamed(acceptor)).isTrue();
        long start = System.nanoTime();
        relay.close();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000L);
        assertThat(threadNamed(acceptor)).isFalse();
        assertThatThrownBy(() -> new Socket(address.getAddress(), address.getPort()).close()).isInstanceOf(java.net.ConnectException.class);
        try (TcpRelay again = TcpRelay.open(address, dialer(ECHO)); Socket client = new Socket(address.getAddress(), address.getPort())) {
            assertThat(roundTrip(client, "again")).isEqualTo("again");
        }
    }

    @Test
    void leavesNoDescriptorBehind() throws Exception {
        try (TcpRelay warmUp = relayTo(ECHO); Socket client = connect(warmUp)) {
            roundTrip(client, "warm");
        }
        awaitDescriptors(Long.MAX_VALUE);
        long before = openDescriptors();
        try (TcpRelay echo = relayTo(ECHO); TcpRelay refused = relayTo(CLOSED)) {
            for (int i = 0; i < 40; i++) {
                try (Socket client = connect(echo)) {
                    assertThat(roundTrip(client, "n" + i)).isEqualTo("n" + i);
                }
                // The reset can come so soon that it already fails the client's connect.
                assertThatThrownBy(() -> {
                    try (Socket client = connect(refused)) {
                        client.getInputStream().read();
                    }
                }).isInstanceOf(SocketException.class);
            }
            // A client that vanishes mid-stream: its relay must fail and close both sides.
            Socket abandoned = connect(echo);
            abandoned.getOutputStream().write(new byte[1 << 20]);
            abandoned.setSoLinger(true, 0);
            abandoned.close();
        }
        assertThat(awaitDescriptors(before)).isEqualTo(before);
    }

    // --- helpers ---

    private static TcpRelay relayTo(int port) throws IOException {
        return TcpRelay.open(freshAddress(), dialer(port));
    }

    private static TcpRelay.Dialer dialer(int port) {
        return TcpRelay.Dialer.connecting(() -> sockets.nativeSocket(NS, new InetSocketAddress(RELAY_SOURCE, 0)),
                new InetSocketAddress(SERVER, port), CONNECT_TIMEOUT);
    }

    /** A random loopback address, so that parallel runs and other listeners never collide. */
    private static InetSocketAddress freshAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new InetSocketAddress("127.201." + r.nextInt(256) + "." + (1 + r.nextInt(254)), 20000 + r.nextInt(20000));
    }

    private static Socket connect(TcpRelay relay) throws IOException {
        Socket socket = new Socket();
        socket.connect(relay.address(), 2000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static String roundTrip(Socket client, String text) throws IOException {
        client.getOutputStream().write(text.getBytes());
        byte[] buf = client.getInputStream().readNBytes(text.length());
        return new String(buf);
    }

    private static void serve(int port, Consumer<SocketChannel> handler) {
        ServerSocketChannel server = sockets.listen(NS, new InetSocketAddress(SERVER, port));
        servers.add(server);
        Thread.ofVirtual().start(() -> {
            while (server.isOpen()) {
                try {
                    SocketChannel channel = server.accept();
                    Thread.ofVirtual().start(() -> {
                        try (channel) {
                            handler.accept(channel);
                        } catch (IOException e) {
                            // the test will say what went wrong
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private static void echo(SocketChannel channel) {
        try {
            InputStream in = Channels.newInputStream(channel);
            OutputStream out = Channels.newOutputStream(channel);
            in.transferTo(out);
            channel.shutdownOutput();
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void speakFirstThenListen(SocketChannel channel) {
        try {
            String peer = ((InetSocketAddress) channel.getRemoteAddress()).getAddress().getHostAddress();
            Channels.newOutputStream(channel).write(("hello from " + peer).getBytes());
            channel.shutdownOutput();
            speaksFirstReceived.complete(new String(Channels.newInputStream(channel).readAllBytes()));
        } catch (IOException e) {
            speaksFirstReceived.completeExceptionally(e);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static boolean threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name));
    }

    private static long openDescriptors() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    /** Connections end on their own threads a moment after the client's: waits (bounded) for the count to settle at or below {@code expected}. */
    private static long awaitDescriptors(long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long last = openDescriptors();
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(50);
            long now = openDescriptors();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            } else if (now <= expected || System.nanoTime() - stableSince > 500_000_000L && expected == Long.MAX_VALUE) {
                return now;
            }
        }
        return last;
    }
}
