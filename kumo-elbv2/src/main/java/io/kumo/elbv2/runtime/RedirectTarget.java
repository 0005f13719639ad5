package io.kumo.elbv2.runtime;

import io.kumo.elbv2.listener.Action;

/**
 * Where a redirect action sends a request: each part as configured, with #{protocol}, #{host},
 * #{port}, #{path} and #{query} standing for the request's own. The standard port of the
 * resulting protocol is left out of the URL.
 */
final class RedirectTarget {

    /** The parts of the request a redirect may reuse; {@code path} starts with "/" and has no query. */
    record Request(String protocol, String host, int port, String path, String query) {
    }

    private RedirectTarget() {
    }

    static String location(Action.Redirect r, Request req) {
        String protocol = fill(or(r.protocol(), "#{protocol}"), req).toLowerCase(java.util.Locale.ROOT);
        String host = fill(or(r.host(), "#{host}"), req);
        String port = fill(or(r.port(), "#{port}"), req);
        String path = fill(or(r.path(), "/#{path}"), req);
        String query = fill(or(r.query(), "#{query}"), req);
        boolean standard = (protocol.equals("http") && port.equals("80")) || (protocol.equals("https") && port.equals("443"));
        return protocol + "://" + host + (standard ? "" : ":" + port) + (path.startsWith("/") ? path : "/" + path)
                + (query.isEmpty() ? "" : "?" + query);
    }

    private static String fill(String template, Request req) {
        String path = req.path().startsWith("/") ? req.path().substring(1) : req.path();
        return template.replace("#{protocol}", req.protocol()).replace("#{host}", req.host()).replace("#{port}", String.valueOf(req.port()))
                .replace("#{path}", path).replace("#{query}", req.query() == null ? "" : req.query());
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
