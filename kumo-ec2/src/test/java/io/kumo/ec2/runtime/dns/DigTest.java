package io.kumo.ec2.runtime.dns;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.kumo.ec2.runtime.dns.Queries.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The resolver as a real client sees it: BIND's dig, when installed (dnsutils). */
class DigTest {
    private static final String DIG = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .map(dir -> new File(dir, "dig")).filter(File::canExecute).map(File::getPath).findFirst().orElse(null);

    private VpcResolver resolver;
    private int port;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(DIG != null, "dig is not installed");
        DatagramChannel udp = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        port = ((InetSocketAddress) udp.getLocalAddress()).getPort();
        ServerSocketChannel tcp = ServerSocketChannel.open().bind(udp.getLocalAddress());
        resolver = VpcResolver.start(udp, tcp, names(true, true));
    }

    @AfterEach
    void stop() {
        if (resolver != null) {
            resolver.close();
        }
    }

    private String dig(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(DIG, "@127.0.0.1", "-p", String.valueOf(port), "+time=2", "+tries=1"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void digResolvesInstanceNamesOverUdpAndTcp() throws Exception {
        assertThat(dig("+short", "ip-10-0-0-5.ap-northeast-1.compute.internal")).isEqualTo("10.0.0.5");
        assertThat(dig("+short", "+tcp", "ec2-127-18-0-1.ap-northeast-1.compute.amazonaws.com")).isEqualTo("10.0.0.5");
        assertThat(dig("+short", "-x", "10.0.0.5")).isEqualTo("ip-10-0-0-5.ap-northeast-1.compute.internal.");
    }

    @Test
    void digSeesARecursiveResolverThatRefusesTheInternet() throws Exception {
        String known = dig("ip-10-0-0-5.ap-northeast-1.compute.internal");
        assertThat(known).contains("status: NOERROR").containsPattern("flags: qr rd ra;");

        assertThat(dig("example.com")).contains("status: REFUSED");
        assertThat(dig("ip-10-0-0-99.ap-northeast-1.compute.internal")).contains("status: NXDOMAIN").contains("SOA");
    }
}
