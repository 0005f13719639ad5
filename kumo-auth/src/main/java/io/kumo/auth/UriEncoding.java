package io.kumo.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Percent-encoding as SigV4 defines it: everything but A-Z a-z 0-9 - _ . ~ is %XX, upper-case hex. */
final class UriEncoding {
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }

    /** Encodes every character of {@code text} except unreserved ones (and '/' when {@code keepSlash}). */
    static String encode(String text, boolean keepSlash) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (!isUnreserved(c) && !(keepSlash && c == '/')) {
                break;
            }
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n + 16).append(text, 0, i);
        byte[] rest = text.substring(i).getBytes(StandardCharsets.UTF_8);
        for (byte b : rest) {
            int c = b & 0xff;
            if (isUnreserved(c) || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX_UPPER[c >> 4]).append(HEX_UPPER[c & 0xf]);
            }
        }
        return out.toString();
    }

    /**
     * Decodes %XX escapes as UTF-8. '+' stays '+': SigV4 signers write a space as %20, and a '+'
     * that reached us unescaped was a plus when it was signed. Broken escapes stay literal.
     */
    static String decode(String text) {
        int first = text.indexOf('%');
        if (first < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        byte[] head = text.substring(0, first).getBytes(StandardCharsets.UTF_8);
        bytes.write(head, 0, head.length);
        int i = first;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < n && hexValue(text.charAt(i + 1)) >= 0 && hexValue(text.charAt(i + 2)) >= 0) {
                bytes.write(hexValue(text.charAt(i + 1)) << 4 | hexValue(text.charAt(i + 2)));
                i += 3;
            } else if (c < 0x80) {
                bytes.write(c);
                i++;
            } else {
                int end = i + 1;
                while (end < n && text.charAt(end) >= 0x80) {
                    end++;
                }
                byte[] utf8 = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * A query name or value as the signer wrote it into the canonical query string. Most arrive
     * already in that form, which is checked without allocating.
     */
    static String canonicalComponent(String raw) {
        return isCanonical(raw) ? raw : encode(decode(raw), false);
    }

    private static boolean isCanonical(String raw) {
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (isUnreserved(c)) {
                continue;
            }
            if (c != '%' || i + 2 >= n) {
                return false;
            }
            char h = raw.charAt(i + 1);
            char l = raw.charAt(i + 2);
            if (!isUpperHex(h) || !isUpperHex(l) || isUnreserved(hexValue(h) << 4 | hexValue(l))) {
                return false;
            }
            i += 2;
        }
        return true;
    }

    private static boolean isUpperHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
