package io.kumo.core.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A complete HTTP request as the edge received it, independent of the server library.
 * Header names are lower-case. {@code rawPath} is exactly what came on the request line (still
 * percent-encoded), which signature checks need.
 */
public record HttpRequest(
        String method,
        String rawPath,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        String remoteAddress) {

    public HttpRequest {
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v));
        headers = Collections.unmodifiableMap(lower);
        rawQuery = rawQuery == null ? "" : rawQuery;
        body = body == null ? new byte[0] : body;
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public String path() {
        return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Query string parameters in order, decoded. */
    public Map<String, List<String>> queryParameters() {
        return FormDecoder.decode(rawQuery);
    }

    public String queryParameter(String name) {
        List<String> values = queryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public String contentType() {
        String ct = header("content-type");
        return ct == null ? "" : ct.toLowerCase(Locale.ROOT);
    }

    public boolean isForm() {
        return contentType().startsWith("application/x-www-form-urlencoded");
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
