package io.kumo.edge.http;

import io.kumo.edge.route.Dispatcher;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.channel.socket.SocketChannel;

import java.util.concurrent.TimeUnit;

/** Aggregates bodies up to a limit; an oversized one gets an error in its service's own envelope. */
final class BoundedAggregator extends HttpObjectAggregator {
    private static final long DRAIN_SECONDS = 10;

    private final Dispatcher dispatcher;
    private final int limit;

    BoundedAggregator(int limit, Dispatcher dispatcher) {
        super(limit);
        this.limit = limit;
        this.dispatcher = dispatcher;
    }

    /**
     * Answers at once, then half-closes: closing outright while the client is still sending would
     * make the kernel reset the connection, and a reset can destroy the answer before the client
     * reads it. The rest of the body is read and dropped (the aggregator ignores it) until the
     * client closes, or at most {@link #DRAIN_SECONDS}.
     */
    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        var response = dispatcher.oversized(NettyRequests.headersOnly(oversized, ctx.channel()), limit);
        // written below the keep-alive handler, which would close the channel as soon as a "Connection: close"
        // answer is out, unread body and all: the reset that the half-close below exists to avoid
        ChannelHandlerContext keepAlive = ctx.pipeline().context(HttpServerKeepAliveHandler.class);
        (keepAlive == null ? ctx : keepAlive).writeAndFlush(NettyRequests.toNetty(response, false, false)).addListener(written -> {
            if (ctx.channel() instanceof SocketChannel socket) {
                socket.shutdownOutput();
                ctx.executor().schedule(() -> ctx.close(), DRAIN_SECONDS, TimeUnit.SECONDS);
            } else {
                ctx.close();
            }
        });
    }
}
