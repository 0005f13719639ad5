package io.kumo.rds.runtime.engine;

import io.kumo.fabric.netns.NamespaceSockets;
import io.kumo.fabric.netns.NetworkNamespace;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;

/** A port nobody listens on, for short-lived helper servers (a snapshot's temporary replica). */
final class FreePorts {
    private FreePorts() {
    }

    static int pick(String namespace, String address) {
        InetSocketAddress any = new InetSocketAddress(address, 0);
        try {
            if (namespace == null) {
                try (ServerSocketChannel s = ServerSocketChannel.open().bind(any)) {
                    return ((InetSocketAddress) s.getLocalAddress()).getPort();
                }
            }
            try (NamespaceSockets sockets = new NamespaceSockets();
                 ServerSocketChannel s = sockets.listen(new NetworkNamespace(namespace), any)) {
                return ((InetSocketAddress) s.getLocalAddress()).getPort();
            }
        } catch (IOException | RuntimeException e) {
            throw new EngineException("cannot find a free port on " + address + (namespace == null ? "" : " in " + namespace) + ": " + e.getMessage(), e);
        }
    }
}
