package io.kumo.core.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A response for the edge to write. The body comes in parts, so that parts kept from earlier
 * responses (encoded resources that did not change) go out as they are, without being copied
 * into one array first. The edge must not change the parts' contents.
 */
public record HttpResponse(int status, Map<String, String> headers, List<ByteBuffer> parts) {

    public HttpResponse {
        parts = List.copyOf(parts);
    }

    public static HttpResponse of(int status, String contentType, byte[] body) {
        return of(status, contentType, List.of(ByteBuffer.wrap(body)));
    }

    public static HttpResponse of(int status, String contentType, List<ByteBuffer> parts) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new HttpResponse(status, headers, parts);
    }

    public static HttpResponse text(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpResponse(status, copy, parts);
    }

    public int length() {
        int length = 0;
        for (ByteBuffer part : parts) {
            length += part.remaining();
        }
        return length;
    }

    /** The whole body in one array. */
    public byte[] body() {
        if (parts.size() == 1 && parts.getFirst().hasArray() && parts.getFirst().arrayOffset() == 0
                && parts.getFirst().position() == 0 && parts.getFirst().remaining() == parts.getFirst().array().length) {
            return parts.getFirst().array();
        }
        byte[] all = new byte[length()];
        int at = 0;
        for (ByteBuffer part : parts) {
            int n = part.remaining();
            part.duplicate().get(all, at, n);
            at += n;
        }
        return all;
    }
}
