package io.kumo.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pieces of a SigV4 canonical request, rebuilt from what arrived on the wire rather than from
 * decoded values, because the signer worked on the encoded form.
 */
final class CanonicalRequest {
    static final String SIGNATURE_PARAMETER = "X-Amz-Signature";

    private CanonicalRequest() {
    }

    static String build(String method, String uri, String query, String headers, String signedHeaders, String payloadHash) {
        return new StringBuilder(method.length() + uri.length() + query.length() + headers.length()
                + signedHeaders.length() + payloadHash.length() + 6)
                .append(method).append('\n')
                .append(uri).append('\n')
                .append(query).append('\n')
                .append(headers).append('\n')
                .append(signedHeaders).append('\n')
                .append(payloadHash)
                .toString();
    }

    /**
     * The canonical URI. S3 signs the path exactly as sent (object keys may hold "//" and ".."),
     * every other service signs the path with dot segments and empty segments removed, then
     * percent-encoded once more on top of the encoding it travelled in.
     */
    static String uri(String rawPath, boolean s3) {
        String path = pathOf(rawPath);
        if (s3) {
            return path.isEmpty() ? "/" : path;
        }
        return UriEncoding.encode(removeDotSegments(path), true);
    }

    /**
     * S3's path with each segment decoded and strictly re-encoded: what a signer that encodes
     * characters like '!' or '(' signed when its HTTP client sent them bare. Null if the same.
     */
    static String s3StrictUri(String rawPath) {
        String path = pathOf(rawPath);
        if (path.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(path.length() + 16);
        int start = 0;
        while (true) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            out.append(UriEncoding.encode(UriEncoding.decode(path.substring(start, end)), false));
            if (slash < 0) {
                break;
            }
            out.append('/');
            start = slash + 1;
        }
        String strict = out.toString();
        return strict.equals(path) ? null : strict;
    }

    /**
     * The canonical query string: names and values in canonical encoding, sorted by name, then
     * value. A presigned request's own signature is left out, since it cannot sign itself.
     */
    static String query(RawQuery query, boolean presigned) {
        int n = query.size();
        if (n == 0) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = UriEncoding.canonicalComponent(query.rawName(i));
            // An empty name is not signed by the AWS SDKs ("?&a=1", "?=x").
            if (name.isEmpty() || (presigned && name.equals(SIGNATURE_PARAMETER))) {
                continue;
            }
            pairs.add(new String[] {name, UriEncoding.canonicalComponent(query.rawValue(i))});
        }
        pairs.sort((a, b) -> {
            int byName = a[0].compareTo(b[0]);
            return byName != 0 ? byName : a[1].compareTo(b[1]);
        });
        StringBuilder out = new StringBuilder(64 * pairs.size());
        for (String[] pair : pairs) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    /**
     * The canonical headers block (each line ends in '\n') for the headers named in SignedHeaders,
     * in that order: values trimmed, inner whitespace runs collapsed to one space, repeated
     * headers joined with ','.
     */
    static String headers(Map<String, List<String>> headers, List<String> signedHeaders) {
        StringBuilder out = new StringBuilder(256);
        for (String name : signedHeaders) {
            List<String> values = headers.get(name);
            if (values == null && name.equals("host")) {
                values = headers.get(":authority");
            }
            out.append(name).append(':');
            if (values != null) {
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    appendTrimmed(out, values.get(i));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The path part of a request target, dropping scheme and authority of an absolute-form target. */
    static String pathOf(String rawPath) {
        if (rawPath == null) {
            return "";
        }
        if (rawPath.startsWith("http://") || rawPath.startsWith("https://")) {
            int slash = rawPath.indexOf('/', rawPath.indexOf("//") + 2);
            return slash < 0 ? "" : rawPath.substring(slash);
        }
        return rawPath;
    }

    /**
     * RFC 3986 dot-segment removal, plus the collapsing of empty segments AWS also applies. Works
     * on the encoded path: "%2E%2E" is a name, not a step up.
     */
    static String removeDotSegments(String path) {
        if (path.isEmpty()) {
            return "/";
        }
        List<String> segments = new ArrayList<>();
        int start = 0;
        int n = path.length();
        while (start <= n) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? n : slash;
            String segment = path.substring(start, end);
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.removeLast();
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
            start = end + 1;
        }
        StringBuilder out = new StringBuilder(path.length());
        if (path.charAt(0) == '/') {
            out.append('/');
        }
        out.append(String.join("/", segments));
        if (!segments.isEmpty() && path.charAt(n - 1) == '/') {
            out.append('/');
        }
        return out.isEmpty() ? "/" : out.toString();
    }

    private static void appendTrimmed(StringBuilder out, String value) {
        int n = value.length();
        boolean pendingSpace = false;
        boolean wroteAny = false;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (isWhitespace(c)) {
                pendingSpace = wroteAny;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
            wroteAny = true;
        }
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\r' || c == '\f';
    }
}
