package io.kumo.protocols.codec;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A rest protocol's {@code requestUri}: path segments with {@code {Label}} and {@code {Label+}}, and required query literals. */
final class UriTemplate {
    private final List<String> segments;
    private final Map<String, String> requiredQuery;

    UriTemplate(String requestUri) {
        int q = requestUri.indexOf('?');
        String path = q < 0 ? requestUri : requestUri.substring(0, q);
        segments = split(path);
        requiredQuery = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : requestUri.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                requiredQuery.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? null : pair.substring(eq + 1));
            }
        }
    }

    /** Literal segments and query constraints count, so the most specific template wins. */
    int specificity() {
        int literal = 0;
        for (String s : segments) {
            if (!s.startsWith("{")) {
                literal += 2;
            } else if (!s.endsWith("+}")) {
                literal += 1;
            }
        }
        return literal * 10 + requiredQuery.size();
    }

    /** The labels of a matching path (still percent-decoded per segment), or null. */
    Map<String, String> match(String rawPath, Map<String, List<String>> query) {
        for (Map.Entry<String, String> required : requiredQuery.entrySet()) {
            List<String> values = query.get(required.getKey());
            if (values == null || (required.getValue() != null && !values.contains(required.getValue()))) {
                return null;
            }
        }
        List<String> actual = split(rawPath);
        Map<String, String> labels = new LinkedHashMap<>();
        int i = 0;
        for (int t = 0; t < segments.size(); t++) {
            String template = segments.get(t);
            if (template.startsWith("{") && template.endsWith("+}")) {
                if (i >= actual.size()) {
                    return null;
                }
                labels.put(template.substring(1, template.length() - 2), decode(String.join("/", actual.subList(i, actual.size()))));
                return t == segments.size() - 1 ? labels : null;
            }
            if (i >= actual.size()) {
                return null;
            }
            String segment = actual.get(i++);
            if (template.startsWith("{")) {
                if (segment.isEmpty()) {
                    return null;
                }
                labels.put(template.substring(1, template.length() - 1), decode(segment));
            } else if (!template.equals(segment)) {
                return null;
            }
        }
        return i == actual.size() ? labels : null;
    }

    private static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.isEmpty()) {
            return out;
        }
        for (String s : trimmed.split("/", -1)) {
            out.add(s);
        }
        if (!out.isEmpty() && out.getLast().isEmpty()) {
            out.removeLast();
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
