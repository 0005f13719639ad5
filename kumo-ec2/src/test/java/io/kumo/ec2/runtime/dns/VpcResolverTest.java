package io.kumo.ec2.runtime.dns;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static io.kumo.ec2.runtime.dns.Queries.HOSTS;
import static io.kumo.ec2.runtime.dns.Queries.REGION;
import static io.kumo.ec2.runtime.dns.Queries.VPC;
import static io.kumo.ec2.runtime.dns.Queries.names;
import static io.kumo.ec2.runtime.dns.Queries.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The resolver on real sockets, bound to loopback in the host's namespace as the caller would bind it in a VPC's. */
class VpcResolverTest {
    static final String PRIVATE_NAME = "ip-10-0-0-5.ap-northeast-1.compute.internal.";

    private DatagramChannel udp;
    private ServerSocketChannel tcp;
    private VpcResolver resolver;

    @BeforeEach
    void start() throws IOException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        udp = DatagramChannel.open().bind(loopback);
        tcp = ServerSocketChannel.open().bind(loopback);
        resolver = VpcResolver.start(udp, tcp, names(true, true), zonesWithABigName());
    }

    @AfterEach
    void stop() {
        resolver.close();
    }

    private static HostedZones zonesWithABigName() {
        return DnsAnswererTest.zones(DnsSource.NOTHING, question -> question.name().equals(Queries.name("big.example."))
                ? new SourceAnswer.Answer(WireAnswererTest.hundredAddresses(question), List.of())
                : SourceAnswer.NOT_MINE);
    }

    private SimpleResolver client(boolean overTcp) throws IOException {
        int port = overTcp ? ((InetSocketAddress) tcp.getLocalAddress()).getPort() : ((InetSocketAddress) udp.getLocalAddress()).getPort();
        SimpleResolver client = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        client.setTCP(overTcp);
        client.setTimeout(Duration.ofSeconds(3));
        return client;
    }

    private static List<String> addresses(Message response) {
        return response.getSection(Section.ANSWER).stream().map(r -> ((ARecord) r).getAddress().getHostAddress()).toList();
    }

    @Test
    void answersOverUdp() throws IOException {
        assertThat(addresses(client(false).send(query(PRIVATE_NAME, Type.A)))).containsExactly("10.0.0.5");
        assertThat(client(false).send(query("example.com.", Type.A)).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void answersOverTcp() throws IOException {
        assertThat(addresses(client(true).send(query(PRIVATE_NAME, Type.A)))).containsExactly("10.0.0.5");
    }

    @Test
    void aTruncatedUdpAnswerIsFetchedWholeOverTcp() throws IOException {
        // The client retries over TCP on the same port number: bind TCP where UDP is.
        resolver.close();
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        udp = DatagramChannel.open().bind(loopback);
        tcp = ServerSocketChannel.open().bind(udp.getLocalAddress());
        resolver = VpcResolver.start(udp, tcp, names(true, true), zonesWithABigName());

        Message response = client(false).send(query("big.example.", Type.A));

        assertThat(response.getSection(Section.ANSWER)).hasSize(100);
    }

    @Test
    void oneTcpConnectionCarriesSeveralQueries() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(tcp.getLocalAddress());
            socket.setSoTimeout(3000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            for (String name : List.of(PRIVATE_NAME, "ip-10-0-0-6.ap-northeast-1.compute.internal.", PRIVATE_NAME)) {
                byte[] wire = query(name, Type.A).toWire();
                out.writeShort(wire.length);
                out.write(wire);
                out.flush();
                byte[] answer = new byte[in.readUnsignedShort()];
                in.readFully(answer);
                assertThat(new Message(answer).getRcode()).isEqualTo(Rcode.NOERROR);
            }
        }
    }

    @Test
    void garbageGetsFormerrAndTheLoopKeepsServing() throws IOException {
        try (DatagramSocket client = new DatagramSocket()) {
            client.setSoTimeout(3000);
            SocketAddress server = udp.getLocalAddress();
            client.send(new DatagramPacket(new byte[] {1, 2}, 2, server));
            byte[] garbage = {0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0x3f};
            client.send(new DatagramPacket(garbage, garbage.length, server));
            DatagramPacket reply = new DatagramPacket(new byte[512], 512);
            client.receive(reply);

            Message formerr = new Message(Arrays.copyOf(reply.getData(), reply.getLength()));
            assertThat(formerr.getHeader().getID()).isEqualTo(0x1234);
            assertThat(formerr.getRcode()).isEqualTo(Rcode.FORMERR);
        }
        assertThat(addresses(client(false).send(query(PRIVATE_NAME, Type.A)))).containsExactly("10.0.0.5");
    }

    @Test
    void manyQueriesInFlightAreEachAnsweredOnce() throws IOException {
        // several loops read the one channel: every query must still get exactly its own answer
        int count = 64;   // small enough for the default socket buffers, so none is dropped
        try (DatagramSocket client = new DatagramSocket()) {
            client.setSoTimeout(3000);
            SocketAddress server = udp.getLocalAddress();
            for (int id = 0; id < count; id++) {
                Message query = query(id % 2 == 0 ? PRIVATE_NAME : "ip-10-0-0-6.ap-northeast-1.compute.internal.", Type.A);
                query.getHeader().setID(id);
                byte[] wire = query.toWire();
                client.send(new DatagramPacket(wire, wire.length, server));
            }
            boolean[] seen = new boolean[count];
            for (int i = 0; i < count; i++) {
                DatagramPacket reply = new DatagramPacket(new byte[512], 512);
                client.receive(reply);
                Message answer = new Message(Arrays.copyOf(reply.getData(), reply.getLength()));
                int id = answer.getHeader().getID();
                assertThat(seen[id]).as("answer to query %d twice", id).isFalse();
                seen[id] = true;
                assertThat(addresses(answer)).containsExactly(id % 2 == 0 ? "10.0.0.5" : "10.0.0.6");
            }
        }
    }

    @Test
    void updatesChangeTheAnswers() throws IOException {
        resolver.update(new VpcNames(VPC, REGION, false, true, HOSTS));

        assertThat(client(false).send(query(PRIVATE_NAME, Type.A)).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThatThrownBy(() -> resolver.update(new VpcNames("vpc-other", REGION, true, true, HOSTS)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closeStopsServing() throws IOException {
        SimpleResolver client = client(false);
        client.setTimeout(Duration.ofMillis(500));
        resolver.close();

        assertThat(udp.isOpen()).isFalse();
        assertThat(tcp.isOpen()).isFalse();
        assertThatThrownBy(() -> client.send(query(PRIVATE_NAME, Type.A))).isInstanceOf(IOException.class);
    }
}
