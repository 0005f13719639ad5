package io.kumo.ec2.runtime.userdata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Just enough of MIME (RFC 2045/2046) to read the archives that cloud-init users write by hand or with
 * make-mime, write-mime-multipart or Terraform's cloudinit_config: headers with folding, nested multiparts, and
 * base64 or quoted-printable bodies. Leaves come out in document order, as Python's {@code Message.walk()} yields
 * them.
 */
final class MimeReader {
    private static final int SNIFF_BYTES = 4096;
    private static final byte[] MIME_VERSION = "mime-version:".getBytes(StandardCharsets.US_ASCII);

    private MimeReader() {
    }

    /** Raised for a message whose structure cannot be followed; the message is for the console. */
    static final class MalformedMime extends Exception {
        MalformedMime(String message) {
            super(message, null, false, false);
        }
    }

    /** cloud-init reads user data as MIME exactly when "mime-version:" appears, in any case, in its first 4 KiB. */
    static boolean looksLikeMime(byte[] data) {
        int end = Math.min(data.length, SNIFF_BYTES) - MIME_VERSION.length;
        for (int i = 0; i <= end; i++) {
            int j = 0;
            while (j < MIME_VERSION.length && Character.toLowerCase((char) (data[i + j] & 0xff)) == MIME_VERSION[j]) {
                j++;
            }
            if (j == MIME_VERSION.length) {
                return true;
            }
        }
        return false;
    }

    static List<MimePart> leaves(byte[] message) throws MalformedMime {
        List<MimePart> leaves = new ArrayList<>();
        // ISO-8859-1 maps every byte to one char and back, so bodies keep their exact bytes.
        walk(new String(message, StandardCharsets.ISO_8859_1), 0, leaves);
        return leaves;
    }

    private static void walk(String entity, int depth, List<MimePart> leaves) throws MalformedMime {
        if (depth > Limits.MAX_MIME_DEPTH) {
            throw new MalformedMime("its multipart parts are nested more than " + Limits.MAX_MIME_DEPTH + " deep");
        }
        int bodyStart = bodyStart(entity);
        Map<String, String> headers = headers(entity.substring(0, bodyStart));
        String body = entity.substring(bodyStart);
        HeaderValue type = HeaderValue.parse(headers.getOrDefault("content-type", "text/plain"));
        String contentType = type.value().contains("/") ? type.value() : "text/plain";
        if (contentType.startsWith("multipart/")) {
            String boundary = type.parameter("boundary");
            if (boundary == null || boundary.isEmpty()) {
                throw new MalformedMime("its Content-Type is " + contentType + " but names no boundary");
            }
            for (String part : split(body, boundary)) {
                walk(part, depth + 1, leaves);
            }
            return;
        }
        if (leaves.size() == Limits.MAX_MIME_PARTS) {
            throw new MalformedMime("it has more than " + Limits.MAX_MIME_PARTS + " parts");
        }
        String filename = HeaderValue.parse(headers.getOrDefault("content-disposition", "")).parameter("filename");
        if (filename == null) {
            filename = type.parameter("name");
        }
        String encoding = headers.getOrDefault("content-transfer-encoding", "7bit").strip().toLowerCase(Locale.ROOT);
        leaves.add(new MimePart(contentType, filename, decode(body, encoding)));
    }

    /** Where the body starts: after the first empty line, or nowhere when the entity is all headers. */
    private static int bodyStart(String entity) {
        if (entity.startsWith("\r\n")) {
            return 2;
        }
        if (entity.startsWith("\n")) {
            return 1;
        }
        int lf = entity.indexOf("\n\n");
        int crlf = entity.indexOf("\r\n\r\n");
        if (crlf >= 0 && (lf < 0 || crlf < lf)) {
            return crlf + 4;
        }
        return lf >= 0 ? lf + 2 : entity.length();
    }

    /** Header names in lower case; folded lines unfolded; the first of repeated headers, as Python's get() answers. */
    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new HashMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : block.split("\r?\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            if (name != null) {
                headers.putIfAbsent(name, value.toString().strip());
            }
            int colon = line.indexOf(':');
            name = colon > 0 ? line.substring(0, colon).strip().toLowerCase(Locale.ROOT) : null;
            value.setLength(0);
            if (colon > 0) {
                value.append(line.substring(colon + 1));
            }
        }
        if (name != null) {
            headers.putIfAbsent(name, value.toString().strip());
        }
        return headers;
    }

    /**
     * The bodies between boundary lines. The line break before a boundary belongs to the boundary; a missing
     * closing boundary ends the last part at the end of the body, as Python's parser does.
     */
    private static List<String> split(String body, String boundary) {
        String delimiter = "--" + boundary;
        List<String> parts = new ArrayList<>();
        int partStart = -1;
        int pos = 0;
        while (pos <= body.length()) {
            int eol = body.indexOf('\n', pos);
            int lineEnd = eol < 0 ? body.length() : eol;
            String line = body.substring(pos, lineEnd);
            if (line.startsWith(delimiter)) {
                String rest = line.substring(delimiter.length());
                boolean closing = rest.startsWith("--");
                if (closing || rest.isBlank()) {
                    if (partStart >= 0) {
                        parts.add(body.substring(partStart, Math.max(partStart, withoutLineBreakBefore(body, pos))));
                    }
                    if (closing) {
                        return parts;
                    }
                    partStart = eol < 0 ? body.length() : eol + 1;
                }
            }
            if (eol < 0) {
                break;
            }
            pos = eol + 1;
        }
        if (partStart >= 0 && partStart < body.length()) {
            parts.add(body.substring(partStart));
        }
        return parts;
    }

    private static int withoutLineBreakBefore(String body, int pos) {
        int end = pos;
        if (end > 0 && body.charAt(end - 1) == '\n') {
            end--;
            if (end > 0 && body.charAt(end - 1) == '\r') {
                end--;
            }
        }
        return end;
    }

    private static byte[] decode(String body, String transferEncoding) throws MalformedMime {
        byte[] raw = body.getBytes(StandardCharsets.ISO_8859_1);
        return switch (transferEncoding) {
            case "base64" -> {
                try {
                    yield Base64.getMimeDecoder().decode(raw);
                } catch (IllegalArgumentException e) {
                    throw new MalformedMime("a base64 part cannot be decoded: " + e.getMessage());
                }
            }
            case "quoted-printable" -> QuotedPrintable.decode(raw);
            default -> raw;
        };
    }

    /** A header's value and its {@code ; name=value} parameters (names in lower case, quotes removed). */
    record HeaderValue(String value, Map<String, String> parameters) {
        static HeaderValue parse(String header) {
            List<String> pieces = new ArrayList<>();
            StringBuilder piece = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < header.length(); i++) {
                char c = header.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == '\\' && quoted && i + 1 < header.length()) {
                    piece.append(header.charAt(++i));
                    continue;
                } else if (c == ';' && !quoted) {
                    pieces.add(piece.toString());
                    piece.setLength(0);
                    continue;
                }
                piece.append(c);
            }
            pieces.add(piece.toString());
            Map<String, String> parameters = new HashMap<>();
            for (String parameter : pieces.subList(1, pieces.size())) {
                int eq = parameter.indexOf('=');
                if (eq > 0) {
                    String value = parameter.substring(eq + 1).strip();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    parameters.putIfAbsent(parameter.substring(0, eq).strip().toLowerCase(Locale.ROOT), value);
                }
            }
            return new HeaderValue(pieces.getFirst().strip().toLowerCase(Locale.ROOT), parameters);
        }

        String parameter(String name) {
            return parameters.get(name);
        }
    }
}
