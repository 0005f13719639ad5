package io.kumo.edge.http;

import io.kumo.core.http.HttpResponse;
import io.kumo.edge.admin.AdminEndpoints;
import io.kumo.edge.route.Dispatcher;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;

import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The last handler of the pipeline: hands each complete request to a virtual thread. Requests of
 * one connection run one after another, so pipelined requests are answered in order.
 */
final class RequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final System.Logger ACCESS = System.getLogger("kumo.access");
    private final Dispatcher dispatcher;
    private final AdminEndpoints admin;
    private final Executor executor;
    private final java.util.ArrayDeque<Runnable> waiting = new java.util.ArrayDeque<>();
    private boolean busy;

    RequestHandler(Dispatcher dispatcher, AdminEndpoints admin, Executor executor) {
        this.dispatcher = dispatcher;
        this.admin = admin;
        this.executor = executor;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
        if (!msg.decoderResult().isSuccess()) {
            ctx.writeAndFlush(NettyRequests.toNetty(HttpResponse.text(400, "text/plain", "malformed HTTP request\n"), false, false))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        var request = NettyRequests.toKumo(msg, ctx.channel().remoteAddress());
        boolean keepAlive = HttpUtil.isKeepAlive(msg);
        boolean head = msg.method().equals(HttpMethod.HEAD);
        waiting.add(() -> respond(ctx, request, keepAlive, head));
        if (!busy) {
            runNext(ctx);
        }
    }

    /** Runs on the event loop: starts the next waiting request, if any. */
    private void runNext(ChannelHandlerContext ctx) {
        Runnable next = waiting.poll();
        busy = next != null;
        if (next == null) {
            return;
        }
        try {
            executor.execute(next);
        } catch (RejectedExecutionException shuttingDown) {
            waiting.clear();
            ctx.close();
        }
    }

    /** Runs on a virtual thread; the answer is written and the next request started in one event-loop task. */
    private void respond(ChannelHandlerContext ctx, io.kumo.core.http.HttpRequest request, boolean keepAlive, boolean head) {
        io.netty.handler.codec.http.FullHttpResponse answer;
        boolean close = !keepAlive;
        try {
            answer = NettyRequests.toNetty(answer(request), keepAlive, head, ctx.alloc());
        } catch (RuntimeException | Error e) {
            System.getLogger("kumo.edge").log(Level.ERROR, "request failed outside any service", e);
            answer = NettyRequests.toNetty(HttpResponse.text(500, "text/plain", "internal error\n"), false, false);
            close = true;
        }
        var response = answer;
        boolean closeAfter = close;
        ctx.executor().execute(() -> {
            var write = ctx.writeAndFlush(response);
            if (closeAfter) {
                write.addListener(ChannelFutureListener.CLOSE);
            }
            runNext(ctx);
        });
    }

    private HttpResponse answer(io.kumo.core.http.HttpRequest request) {
        long start = System.nanoTime();
        HttpResponse response;
        String label;
        var adminResponse = admin.handle(request);
        if (adminResponse.isPresent()) {
            response = adminResponse.get();
            label = "kumo";
        } else {
            Dispatcher.Outcome outcome = dispatcher.dispatch(request);
            response = outcome.response();
            label = outcome.service() + "." + outcome.operation();
        }
        if (ACCESS.isLoggable(Level.DEBUG)) {
            ACCESS.log(Level.DEBUG, String.format("%s %s %s -> %d (%.1f ms)", request.method(), request.rawPath(), label,
                    response.status(), (System.nanoTime() - start) / 1e6));
        }
        return response;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
