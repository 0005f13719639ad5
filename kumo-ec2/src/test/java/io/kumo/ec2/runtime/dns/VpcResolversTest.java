package io.kumo.ec2.runtime.dns;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;

import static io.kumo.ec2.runtime.dns.Queries.VPC;
import static io.kumo.ec2.runtime.dns.Queries.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VpcResolversTest {
    private final List<VpcResolvers.Sockets> opened = new ArrayList<>();

    private VpcResolvers.Sockets open(String vpcId) throws IOException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        VpcResolvers.Sockets sockets = new VpcResolvers.Sockets(DatagramChannel.open().bind(loopback), ServerSocketChannel.open().bind(loopback));
        opened.add(sockets);
        return sockets;
    }

    @Test
    void opensAVpcsSocketsOnceAndClosesThemWhenForgotten() {
        try (VpcResolvers resolvers = new VpcResolvers(this::open, HostedZones.NONE)) {
            resolvers.update(VPC, names(true, true));
            resolvers.update(VPC, names(true, false));
            assertThat(opened).hasSize(1);

            resolvers.forget(VPC);
            assertThat(opened.getFirst().udp().isOpen()).isFalse();
            assertThat(opened.getFirst().tcp().isOpen()).isFalse();
        }
    }

    @Test
    void aFailureToOpenIsRetriedOnTheNextUpdate() {
        int[] attempts = {0};
        try (VpcResolvers resolvers = new VpcResolvers(vpcId -> {
            if (attempts[0]++ == 0) {
                throw new IOException("namespace not ready");
            }
            return open(vpcId);
        }, HostedZones.NONE)) {
            resolvers.update(VPC, names(true, true));
            resolvers.update(VPC, names(true, true));

            assertThat(attempts[0]).isEqualTo(2);
            assertThat(opened).hasSize(1);
        }
        assertThat(opened.getFirst().udp().isOpen()).isFalse();
    }

    @Test
    void namesMustBeThoseOfTheVpc() {
        try (VpcResolvers resolvers = new VpcResolvers(this::open, HostedZones.NONE)) {
            assertThatThrownBy(() -> resolvers.update("vpc-other", names(true, true))).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
