package io.kumo.fabric.sandbox;

import io.kumo.fabric.host.Isolation;
import io.kumo.fabric.netns.NamespaceSockets;
import io.kumo.fabric.netns.NetworkNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Boots a real sandbox (root only) and looks at it from outside and inside. */
class SandboxTest {
    private static final NetworkNamespace NS = new NetworkNamespace("kumotest-sb-" + UUID.randomUUID().toString().substring(0, 8));
    private static Path dir;

    @BeforeAll
    static void requireIsolation() throws IOException {
        Isolation isolation = Isolation.probe();
        assumeTrue(isolation.available(), isolation.reason());
        dir = Files.createTempDirectory("kumo-sandbox-test");
        NS.create();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (dir != null) {
            NS.delete();
            io.kumo.fabric.host.Command.of("rm", "-rf", dir.toString()).exec();
        }
    }

    @Test
    void bootsIsolatedRunsUserDataOnceAndStops() throws Exception {
        Files.writeString(dir.resolve("secret"), "host secret");
        SandboxSpec spec = new SandboxSpec("t1", NS, dir.resolve("i-1"), "ip-10-0-0-5", List.of(), List.of("/root", "/home", "/tmp", "/var/tmp", dir.toString()),
                Map.of("KUMO_INSTANCE_ID", "i-1", "KUMO_HOSTNAME", "ip-10-0-0-5", "KUMO_PRIVATE_IP", "10.0.0.5", "KUMO_DOMAIN", "ap-northeast-1.compute.internal",
                        "KUMO_RESOLVER", "10.0.0.2", "KUMO_INSTANCE_TYPE", "t2.micro", "KUMO_IMAGE_ID", "ami-1"),
                "#!/bin/sh\necho first-boot-ran\nhostname > /hostname.txt\nls -A /root | wc -l > /rootcount.txt\n[ -e " + dir.resolve("secret") + " ] && echo visible > /secret.txt\ntr '\\0' ' ' < /proc/1/cmdline > /init.txt\ncd /tmp && exec /usr/bin/python3 -m http.server 8089\n",
                List.of("a note"));
        Sandbox sandbox = Sandbox.boot(spec);
        try {
            waitFor(() -> sandbox.listeningTcpPorts().contains(8089), Duration.ofSeconds(10), spec.consoleLog());
            Path upper = spec.upper();
            assertThat(Files.readString(upper.resolve("hostname.txt")).strip()).isEqualTo("ip-10-0-0-5");
            assertThat(Files.readString(upper.resolve("rootcount.txt")).strip()).isEqualTo("0");
            assertThat(upper.resolve("secret.txt")).doesNotExist();
            assertThat(Files.readString(upper.resolve("init.txt")).strip()).isEqualTo("/bin/sh /var/lib/kumo/init");
            try (NamespaceSockets sockets = new NamespaceSockets(); SocketChannel ch = sockets.socket(NS, null)) {
                ch.connect(new InetSocketAddress("127.0.0.1", 8089));
                ch.write(ByteBuffer.wrap("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
                ByteBuffer buf = ByteBuffer.allocate(64);
                ch.read(buf);
                assertThat(new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII)).startsWith("HTTP/1.0 200");
            }
            String console = Files.readString(spec.consoleLog());
            assertThat(console).contains("a note", "first-boot-ran", "is up");
        } finally {
            sandbox.stop(Duration.ofSeconds(3));
        }
        assertThat(sandbox.alive()).isFalse();
        assertThat(NS.pids()).isEmpty();

        Sandbox again = Sandbox.boot(spec);
        try {
            waitFor(() -> {
                try {
                    return Files.readString(spec.consoleLog()).contains("does not run again");
                } catch (IOException e) {
                    return false;
                }
            }, Duration.ofSeconds(10), spec.consoleLog());
            assertThat(Files.readString(spec.consoleLog()).split("first-boot-ran", -1)).hasSize(2);
        } finally {
            again.kill();
        }
        assertThat(NS.pids()).isEmpty();
    }

    static void waitFor(BooleanSupplier condition, Duration limit, Path console) throws Exception {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("gave up waiting; console:\n" + (Files.exists(console) ? Files.readString(console) : "(none)"));
            }
            Thread.sleep(50);
        }
    }
}
