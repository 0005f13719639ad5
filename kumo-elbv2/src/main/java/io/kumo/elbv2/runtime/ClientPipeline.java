package io.kumo.elbv2.runtime;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AsyncMapping;

import java.util.List;
import java.util.function.Function;

/**
 * What a client connection goes through before the {@link ProxyHandler}. Its first bytes tell
 * whether it speaks TLS (one port can serve HTTP for one load balancer and HTTPS for another at
 * the front door): plain connections get HTTP/1.1; TLS ones get the certificate their SNI name
 * chooses, then HTTP/2 (each stream its own proxy handler) or HTTP/1.1, as ALPN agreed.
 */
final class ClientPipeline {
    private static final int MOST_REQUEST_BODY = 64 * 1024 * 1024;

    /**
     * @param certificates the certificate for an SNI name (null when the client sent none); null when no HTTPS listener answers here
     * @param proxy        the proxy handler, told whether the connection is TLS
     */
    record Setup(Function<String, SslContext> certificates, Function<Boolean, ProxyHandler> proxy) {
    }

    private ClientPipeline() {
    }

    static void install(ChannelPipeline pipeline, Setup setup) {
        pipeline.addLast(new TlsOrPlain(setup));
    }

    private static void http1(ChannelPipeline pipeline, Setup setup, boolean tls) {
        pipeline.addLast(new HttpServerCodec(), new HttpObjectAggregator(MOST_REQUEST_BODY), setup.proxy().apply(tls));
    }

    private static final class TlsOrPlain extends ByteToMessageDecoder {
        private final Setup setup;

        TlsOrPlain(Setup setup) {
            this.setup = setup;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            if (in.readableBytes() < 5) {
                return;
            }
            ChannelPipeline p = ctx.pipeline();
            if (SslHandler.isEncrypted(in, false)) {
                AsyncMapping<String, SslContext> byName = (name, promise) -> {
                    SslContext chosen = setup.certificates().apply(name);
                    return chosen == null ? promise.setFailure(new javax.net.ssl.SSLHandshakeException("no HTTPS listener here"))
                            : promise.setSuccess(chosen);
                };
                p.addAfter(ctx.name(), null, new SniHandler(byName));
                p.addLast(new Negotiated(setup));
            } else {
                http1(p, setup, false);
            }
            p.remove(this);
        }
    }

    /** After the handshake: HTTP/2 or HTTP/1.1, as the client and the listener agreed. */
    private static final class Negotiated extends ApplicationProtocolNegotiationHandler {
        private final Setup setup;

        Negotiated(Setup setup) {
            super(ApplicationProtocolNames.HTTP_1_1);
            this.setup = setup;
        }

        @Override
        protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
            if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                ctx.pipeline().addLast(Http2FrameCodecBuilder.forServer().build(), new Http2MultiplexHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel stream) {
                        stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true), new HttpObjectAggregator(MOST_REQUEST_BODY),
                                setup.proxy().apply(true));
                    }
                }));
            } else {
                http1(ctx.pipeline(), setup, true);
            }
        }

        @Override
        protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    static boolean isStream(Channel channel) {
        return channel instanceof Http2StreamChannel;
    }
}
