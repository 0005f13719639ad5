package io.kumo.elbv2.runtime;

import io.kumo.elbv2.listener.Action;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.nio.charset.StandardCharsets;

/** The answers the load balancer makes itself: its error pages (shaped like ALB's), fixed responses and redirects. */
final class ElbResponses {
    private static final String SERVER = "awselb/2.0";

    private ElbResponses() {
    }

    static FullHttpResponse error(HttpResponseStatus status) {
        String title = status.code() + " " + status.reasonPhrase();
        String body = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n</body>\r\n</html>\r\n";
        return response(status, "text/html", body);
    }

    static FullHttpResponse fixed(Action.FixedResponse fixed) {
        return response(HttpResponseStatus.valueOf(Integer.parseInt(fixed.statusCode())),
                fixed.contentType() == null ? "text/plain; charset=utf-8" : fixed.contentType(),
                fixed.messageBody() == null ? "" : fixed.messageBody());
    }

    static FullHttpResponse redirect(Action.Redirect redirect, RedirectTarget.Request request) {
        HttpResponseStatus status = "HTTP_301".equals(redirect.statusCode()) ? HttpResponseStatus.MOVED_PERMANENTLY : HttpResponseStatus.FOUND;
        FullHttpResponse response = response(status, "text/html", "<html>\r\n<head><title>" + status.code() + " " + status.reasonPhrase()
                + "</title></head>\r\n<body>\r\n<center><h1>" + status.code() + " " + status.reasonPhrase()
                + "</h1></center>\r\n</body>\r\n</html>\r\n");
        response.headers().set(HttpHeaderNames.LOCATION, RedirectTarget.location(redirect, request));
        return response;
    }

    private static FullHttpResponse response(HttpResponseStatus status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.SERVER, SERVER);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return response;
    }
}
