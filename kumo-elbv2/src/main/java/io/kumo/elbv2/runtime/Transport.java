package io.kumo.elbv2.runtime;

import io.kumo.fabric.netns.NamespaceSockets;
import io.kumo.fabric.netns.NetworkNamespace;
import io.netty.channel.Channel;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The proxy's sockets: Linux's epoll through Netty's native transport where it loads, which
 * spends markedly less of Kumo's CPU per request than the JDK's selector (with the launcher's C1
 * compiler above all); the JDK's NIO elsewhere.
 */
final class Transport {
    static final boolean EPOLL = Epoll.isAvailable();

    private Transport() {
    }

    static IoHandlerFactory ioHandlers() {
        return EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    static Class<? extends ServerChannel> serverChannel() {
        return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /** An unconnected client channel whose socket is made inside the namespace, so it leaves from there. */
    static Channel clientIn(NamespaceSockets sockets, NetworkNamespace namespace) {
        return EPOLL ? sockets.call(namespace, EpollSocketChannel::new) : new NioSocketChannel(sockets.socket(namespace, null));
    }
}
