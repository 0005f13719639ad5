package io.kumo.elbv2.runtime;

import io.kumo.fabric.netns.NamespaceSockets;
import io.kumo.fabric.netns.NetworkNamespace;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Connections from the load balancer's nodes to targets, kept alive and reused. Each is opened in
 * the node's network namespace (the socket is made there, off the event loop), so it leaves from
 * the node's address through the VPC's router and the targets' security groups.
 */
final class Upstreams implements AutoCloseable {
    /** ALB gives up on a target that does not accept a connection within 10 seconds. */
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int MOST_BODY = 64 * 1024 * 1024;
    private static final AttributeKey<Exchange> EXCHANGE = AttributeKey.valueOf("kumo.elb.exchange");

    /** The target did not answer within the idle timeout. */
    static final class TargetTimeout extends TimeoutException {
    }

    /** The target closed or reset the connection before answering. */
    static final class TargetClosed extends Exception {
        TargetClosed() {
            super(null, null, false, false);
        }
    }

    /**
     * Where a pooled connection goes, per event loop: a reused connection then lives on the client's loop, and
     * neither the request nor the response has to hop threads (and wake one) on its way. equals and hashCode are
     * written out: a record's generated ones go through method handles, which C1-compiled code does not inline.
     */
    private record PoolKey(EventLoop loop, String namespace, String ip, int port) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PoolKey other && loop == other.loop && port == other.port && ip.equals(other.ip)
                    && namespace.equals(other.namespace);
        }

        @Override
        public int hashCode() {
            return (31 * ip.hashCode() + port) * 31 + namespace.hashCode();
        }
    }

    private record Exchange(Promise<FullHttpResponse> promise, ScheduledFuture<?> timeout) {
    }

    private final NamespaceSockets sockets;
    private final ExecutorService opener = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<PoolKey, Deque<Channel>> idle = new ConcurrentHashMap<>();

    Upstreams(NamespaceSockets sockets) {
        this.sockets = sockets;
    }

    /**
     * Sends the request (whose reference it takes) to the target and completes the promise with
     * its response, or fails it with {@link ConnectException}, {@link TargetClosed} or {@link TargetTimeout}.
     */
    void send(EventLoop loop, String namespace, String ip, int port, FullHttpRequest request, int timeoutSeconds,
              Promise<FullHttpResponse> promise) {
        PoolKey key = new PoolKey(loop, namespace, ip, port);
        Channel reused = pooled(key);
        if (reused != null) {
            exchange(reused, key, request, timeoutSeconds, promise);
            return;
        }
        opener.execute(() -> {
            Channel raw;
            try {
                raw = Transport.clientIn(sockets, new NetworkNamespace(namespace));
            } catch (RuntimeException e) {
                request.release();
                promise.tryFailure(new ConnectException("no socket in " + namespace + ": " + e.getMessage()));
                return;
            }
            loop.execute(() -> connect(loop, raw, key, ip, port, request, timeoutSeconds, promise));
        });
    }

    private void connect(EventLoop loop, Channel channel, PoolKey key, String ip, int port, FullHttpRequest request, int timeoutSeconds,
                         Promise<FullHttpResponse> promise) {
        channel.config().setOption(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS);
        channel.config().setOption(ChannelOption.TCP_NODELAY, true);
        channel.pipeline().addLast(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MOST_BODY), new ResponseHandler());
            }
        });
        loop.register(channel).addListener(registered -> {
            if (!registered.isSuccess()) {
                request.release();
                promise.tryFailure(new ConnectException(String.valueOf(registered.cause())));
                return;
            }
            channel.connect(new InetSocketAddress(ip, port)).addListener(connected -> {
                if (!connected.isSuccess()) {
                    request.release();
                    channel.close();
                    promise.tryFailure(connected.cause() instanceof ConnectException c ? c
                            : (ConnectException) new ConnectException(String.valueOf(connected.cause())).initCause(connected.cause()));
                    return;
                }
                exchange(channel, key, request, timeoutSeconds, promise);
            });
        });
    }

    private void exchange(Channel channel, PoolKey key, FullHttpRequest request, int timeoutSeconds, Promise<FullHttpResponse> promise) {
        ScheduledFuture<?> timeout = channel.eventLoop().schedule(() -> {
            if (promise.tryFailure(new TargetTimeout())) {
                channel.close();
            }
        }, timeoutSeconds, TimeUnit.SECONDS);
        channel.attr(EXCHANGE).set(new Exchange(promise, timeout));
        promise.addListener(done -> {
            timeout.cancel(false);
            channel.attr(EXCHANGE).set(null);
            if (done.isSuccess() && channel.isActive() && HttpUtil.isKeepAlive((FullHttpResponse) done.getNow())) {
                idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>()).push(channel);
            } else if (!done.isSuccess() || !HttpUtil.isKeepAlive((FullHttpResponse) done.getNow())) {
                channel.close();
            }
        });
        channel.writeAndFlush(request).addListener(written -> {
            if (!written.isSuccess()) {
                promise.tryFailure(new TargetClosed());
                channel.close();
            }
        });
    }

    private Channel pooled(PoolKey key) {
        Deque<Channel> channels = idle.get(key);
        if (channels == null) {
            return null;
        }
        Channel c;
        while ((c = channels.poll()) != null) {
            if (c.isActive()) {
                return c;
            }
        }
        return null;
    }

    /** Completes the exchange in flight on the channel, if any. */
    private static final class ResponseHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            Exchange exchange = ctx.channel().attr(EXCHANGE).get();
            if (exchange == null || !exchange.promise().trySuccess(response.retain())) {
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            fail(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(ctx);
            ctx.close();
        }

        private static void fail(ChannelHandlerContext ctx) {
            Exchange exchange = ctx.channel().attr(EXCHANGE).get();
            if (exchange != null) {
                exchange.promise().tryFailure(new TargetClosed());
            }
        }
    }

    @Override
    public void close() {
        idle.values().forEach(d -> d.forEach(Channel::close));
        idle.clear();
        opener.shutdownNow();
    }
}
