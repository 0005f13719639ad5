package io.kumo.ec2.runtime.imds;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One answer of the metadata service, independent of the HTTP library that sends it. */
public record ImdsResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static final String TEXT = "text/plain";
    public static final String OCTETS = "application/octet-stream";
    /** AWS's error answers are small XHTML pages, not text. */
    public static final String HTML = "text/html";

    public ImdsResponse {
        Objects.requireNonNull(contentType, "contentType");
        body = body == null ? new byte[0] : body.clone();
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static ImdsResponse ok(String contentType, byte[] body) {
        return new ImdsResponse(200, contentType, body, Map.of());
    }

    public static ImdsResponse text(String body) {
        return ok(TEXT, body.getBytes(StandardCharsets.UTF_8));
    }

    public static ImdsResponse notFound() {
        return error(404, "Not Found");
    }

    /** The XHTML page EC2 answers errors with, titled "NNN - Reason". */
    public static ImdsResponse error(int status, String reason) {
        String title = status + " - " + reason;
        String page = """
                <?xml version="1.0" encoding="iso-8859-1"?>
                <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
                \t"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
                <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
                 <head>
                  <title>%s</title>
                 </head>
                 <body>
                  <h1>%s</h1>
                 </body>
                </html>
                """.formatted(title, title);
        return new ImdsResponse(status, HTML, page.getBytes(StandardCharsets.ISO_8859_1), Map.of());
    }

    public ImdsResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ImdsResponse(status, contentType, body, more);
    }

    /** A copy, so a sender cannot change a cached answer. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    public int bodyLength() {
        return body.length;
    }

    public String bodyText() {
        return new String(body, contentType.equals(HTML) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }
}
