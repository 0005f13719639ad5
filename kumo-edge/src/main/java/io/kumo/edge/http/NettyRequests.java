package io.kumo.edge.http;

import io.kumo.core.http.HttpResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions between Netty's HTTP objects and Kumo's library-neutral ones. */
final class NettyRequests {
    private NettyRequests() {
    }

    static io.kumo.core.http.HttpRequest toKumo(HttpRequest request, byte[] body, SocketAddress remote) {
        String uri = request.uri();
        int q = uri.indexOf('?');
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue()));
        return new io.kumo.core.http.HttpRequest(
                request.method().name(),
                q < 0 ? uri : uri.substring(0, q),
                q < 0 ? "" : uri.substring(q + 1),
                headers,
                body,
                remote == null ? "" : remote.toString());
    }

    static io.kumo.core.http.HttpRequest toKumo(FullHttpRequest request, SocketAddress remote) {
        return toKumo(request, ByteBufUtil.getBytes(request.content()), remote);
    }

    static io.kumo.core.http.HttpRequest headersOnly(HttpMessage message, Channel channel) {
        return toKumo((HttpRequest) message, new byte[0], channel.remoteAddress());
    }

    static FullHttpResponse toNetty(HttpResponse response, boolean keepAlive, boolean headRequest) {
        return toNetty(response, keepAlive, headRequest, ByteBufAllocator.DEFAULT);
    }

    static FullHttpResponse toNetty(HttpResponse response, boolean keepAlive, boolean headRequest, ByteBufAllocator alloc) {
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()),
                headRequest ? Unpooled.EMPTY_BUFFER : content(response.parts(), alloc));
        response.headers().forEach((k, v) -> out.headers().set(k, v));
        out.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.length());
        HttpUtil.setKeepAlive(out, keepAlive);
        return out;
    }

    /**
     * The body as one buffer. Parts outside the heap (kept encodings) are wrapped, not copied, so
     * a gathering write sends them straight from where they are kept; the small heap parts between
     * them are copied into direct buffers, since one heap part would make the socket copy it all.
     */
    private static ByteBuf content(List<ByteBuffer> parts, ByteBufAllocator alloc) {
        if (parts.size() == 1) {
            return Unpooled.wrappedBuffer(parts.getFirst().duplicate());
        }
        CompositeByteBuf body = alloc.compositeDirectBuffer(parts.size() + 1);
        ByteBuf heapRun = null;
        for (ByteBuffer part : parts) {
            if (part.isDirect()) {
                if (heapRun != null) {
                    body.addComponent(true, heapRun);
                    heapRun = null;
                }
                body.addComponent(true, Unpooled.wrappedBuffer(part.duplicate()));
            } else {
                if (heapRun == null) {
                    heapRun = alloc.directBuffer(part.remaining());
                }
                heapRun.writeBytes(part.duplicate());
            }
        }
        if (heapRun != null) {
            body.addComponent(true, heapRun);
        }
        return body;
    }
}
