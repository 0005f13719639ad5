package io.kumo.edge.http;

import io.kumo.edge.route.Dispatcher;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;

/** Aggregates bodies up to a limit; an oversized one gets an error in its service's own envelope. */
final class BoundedAggregator extends HttpObjectAggregator {
    private final Dispatcher dispatcher;
    private final int limit;

    BoundedAggregator(int limit, Dispatcher dispatcher) {
        super(limit);
        this.limit = limit;
        this.dispatcher = dispatcher;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        var response = dispatcher.oversized(NettyRequests.headersOnly(oversized, ctx.channel()), limit);
        ctx.writeAndFlush(NettyRequests.toNetty(response, false, false)).addListener(ChannelFutureListener.CLOSE);
    }
}
