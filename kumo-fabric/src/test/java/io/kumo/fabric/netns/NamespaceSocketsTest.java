package io.kumo.fabric.netns;

import io.kumo.fabric.host.Isolation;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Sockets in a namespace deleted and made again under the same name: they belong to the new one. Root only; loopback only. */
class NamespaceSocketsTest {
    @Test
    void aNamespaceMadeAgainUnderTheSameNameGetsSocketsOfItsOwn() throws Exception {
        Isolation isolation = Isolation.probe();
        assumeTrue(isolation.available(), isolation.reason());
        NetworkNamespace ns = new NetworkNamespace("kumotest-renew-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 7100);
        try (NamespaceSockets sockets = new NamespaceSockets()) {
            ns.create();
            try (ServerSocketChannel first = sockets.listen(ns, address)) {
                ns.delete();
                ns.create();
                // in the old namespace the port would still be taken by the first listener
                try (ServerSocketChannel second = sockets.listen(ns, address)) {
                    assertThat(second.getLocalAddress()).isEqualTo(address);
                }
            }
        } finally {
            ns.delete();
        }
    }
}
