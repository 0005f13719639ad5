package io.kumo.ec2.runtime.imds;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Serves {@link ImdsService} over HTTP/1.1 on a channel accepted at 169.254.169.254:80. The caller is the channel's
 * remote address, looked up on every request, so a kept-alive connection follows the instance's current state.
 */
@Sharable
public final class ImdsHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    /** Requests to IMDS carry no body; anything larger than this is not a metadata client. */
    static final int MAX_REQUEST_BYTES = 8 * 1024;

    private static final System.Logger LOG = System.getLogger("kumo.ec2.imds");
    /** EC2's metadata service names itself this, and some probes look for it. */
    private static final String SERVER = "EC2ws";
    private static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final ImdsService service;

    public ImdsHandler(ImdsService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    /** The pipeline of an accepted connection: HTTP codec, a small aggregator, then this handler (shared). */
    public static ChannelInitializer<Channel> initializer(InstanceMetadataSource instances, ImdsTokens tokens) {
        ImdsHandler handler = new ImdsHandler(new ImdsService(instances, tokens));
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST_BYTES), handler);
            }
        };
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            send(ctx, request, ImdsResponse.error(400, "Bad Request"), false);
            return;
        }
        ImdsRequest imdsRequest;
        try {
            imdsRequest = toImdsRequest(ctx.channel().remoteAddress(), request);
        } catch (URISyntaxException | IllegalArgumentException malformedTarget) {
            send(ctx, request, ImdsResponse.error(400, "Bad Request"), HttpUtil.isKeepAlive(request));
            return;
        }
        send(ctx, request, answer(imdsRequest), HttpUtil.isKeepAlive(request));
    }

    /** A fault of Kumo's own becomes a 500 for this request, never an exception that drops the connection. */
    private ImdsResponse answer(ImdsRequest request) {
        try {
            return service.handle(request);
        } catch (RuntimeException bug) {
            LOG.log(System.Logger.Level.WARNING, "IMDS failed on " + request.method() + " " + request.path(), bug);
            return ImdsResponse.error(500, "Internal Server Error");
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A broken connection has no one left to answer; the client retries on a new one.
        LOG.log(System.Logger.Level.DEBUG, "IMDS connection failed", cause);
        ctx.close();
    }

    static ImdsRequest toImdsRequest(SocketAddress remote, FullHttpRequest request) throws URISyntaxException {
        HttpHeaders headers = request.headers();
        return new ImdsRequest(
                request.method().name().toUpperCase(Locale.ROOT),
                path(request.uri()),
                sourceIp(remote),
                headers.get(ImdsService.TOKEN_HEADER),
                headers.get(ImdsService.TTL_HEADER),
                headers.contains(X_FORWARDED_FOR));
    }

    /**
     * The decoded path; an absolute-form target (http://169.254.169.254/latest/) counts by its path alone. A target
     * that is no URI, or has a broken %-escape, throws.
     */
    private static String path(String target) throws URISyntaxException {
        String path = new QueryStringDecoder(new URI(target)).path();
        return path.isEmpty() ? "/" : path;
    }

    private static String sourceIp(SocketAddress remote) {
        if (remote instanceof InetSocketAddress address && address.getAddress() != null) {
            return address.getAddress().getHostAddress();
        }
        return null;
    }

    private static void send(ChannelHandlerContext ctx, FullHttpRequest request, ImdsResponse answer, boolean keepAlive) {
        boolean head = request.method().equals(HttpMethod.HEAD);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(answer.status()),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(answer.body()));
        HttpHeaders headers = response.headers();
        answer.headers().forEach(headers::set);
        headers.set(HttpHeaderNames.SERVER, SERVER);
        headers.set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
        // HEAD announces the length GET would send.
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, answer.bodyLength());
        HttpUtil.setKeepAlive(headers, request.protocolVersion(), keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
