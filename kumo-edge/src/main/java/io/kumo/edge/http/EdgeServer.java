package io.kumo.edge.http;

import io.kumo.edge.admin.AdminEndpoints;
import io.kumo.edge.route.Dispatcher;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;

import java.net.InetSocketAddress;

/** The HTTP listener on 127.0.0.1:4566. Requests run on virtual threads, off the event loop, in arrival order. */
public final class EdgeServer implements AutoCloseable {
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    private final RequestRunners requests = new RequestRunners();
    private final Dispatcher dispatcher;
    private final AdminEndpoints admin;
    private Channel channel;

    public EdgeServer(Dispatcher dispatcher, AdminEndpoints admin) {
        this.dispatcher = dispatcher;
        this.admin = admin;
    }

    public InetSocketAddress start(String host, int port) throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec(8192, 64 * 1024, 8192))
                                .addLast(new HttpServerKeepAliveHandler())
                                .addLast(new BoundedAggregator(MAX_BODY_BYTES, dispatcher))
                                .addLast(new RequestHandler(dispatcher, admin, requests));
                    }
                });
        channel = bootstrap.bind(host, port).sync().channel();
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        requests.close();
    }
}
