package io.kumo.ec2.runtime.userdata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One write_files item, decoded as cloud-init's cc_write_files decodes it: content through its encoding
 * (b64/base64, gz/gzip, gz+b64 and their spellings, text/plain), permissions as an octal string or a YAML number,
 * owner {@code user[:group]} defaulting to root:root, append and defer as cloud-init booleans.
 *
 * @param warnings things cloud-init would warn about and still write the file
 */
record WriteFileEntry(String path, byte[] content, int mode, String owner, boolean append, boolean defer,
                      List<String> warnings) {
    static final int DEFAULT_MODE = 0644;
    static final String DEFAULT_OWNER = "root:root";

    /** An item that cannot be written; the reason is for the console. */
    static final class Unwritable extends Exception {
        Unwritable(String reason) {
            super(reason, null, false, false);
        }
    }

    static WriteFileEntry parse(int index, Object item) throws Unwritable {
        if (!(item instanceof Map<?, ?> entry)) {
            throw new Unwritable("item " + index + " is " + PyValues.typeName(item) + ", not a mapping with a path");
        }
        Object rawPath = entry.get("path");
        if (rawPath == null || PyValues.str(rawPath).isEmpty()) {
            throw new Unwritable("item " + index + " has no path");
        }
        String path = absolute(PyValues.str(rawPath));
        List<String> warnings = new ArrayList<>();
        if (entry.containsKey("source")) {
            warnings.add(path + ": 'source' (a URL to download) is not supported by Kumo; its 'content' is written instead");
        }
        byte[] content = decode(path, entry.get("content"), entry.get("encoding"), warnings);
        Object owner = entry.get("owner");
        return new WriteFileEntry(path, content, mode(path, entry.get("permissions"), warnings),
                owner == null ? DEFAULT_OWNER : PyValues.str(owner), PyValues.truthy(entry.get("append")),
                PyValues.truthy(entry.get("defer")), List.copyOf(warnings));
    }

    /** Python's os.path.abspath from cloud-init's working directory, /. */
    static String absolute(String path) {
        Deque<String> names = new ArrayDeque<>();
        for (String name : path.split("/")) {
            if (name.equals("..")) {
                names.pollLast();
            } else if (!name.isEmpty() && !name.equals(".")) {
                names.addLast(name);
            }
        }
        return "/" + String.join("/", names);
    }

    private static byte[] decode(String path, Object content, Object encoding, List<String> warnings) throws Unwritable {
        byte[] bytes = switch (content) {
            case null -> new byte[0];
            case byte[] binary -> binary; // YAML !!binary, already base64-decoded by the parser
            default -> PyValues.str(content).getBytes(StandardCharsets.UTF_8);
        };
        String name = encoding == null ? "" : PyValues.str(encoding).strip().toLowerCase(Locale.ROOT);
        try {
            return switch (name) {
                case "gz", "gzip" -> Gunzip.decompress(bytes, path);
                case "gz+base64", "gzip+base64", "gz+b64", "gzip+b64" -> Gunzip.decompress(base64(bytes), path);
                case "b64", "base64" -> base64(bytes);
                case "", "text/plain" -> bytes;
                default -> {
                    warnings.add(path + ": unknown encoding '" + Text.echo(name) + "', so the content is written as plain text");
                    yield bytes;
                }
            };
        } catch (IOException | IllegalArgumentException e) {
            throw new Unwritable(path + ": its content is not valid " + name + " (" + e.getMessage() + ")");
        }
    }

    private static byte[] base64(byte[] text) {
        // Like Python's b64decode: characters outside the alphabet (line breaks, spaces) are skipped.
        return Base64.getMimeDecoder().decode(text);
    }

    /** cloud-init's decode_perms: a number is the mode itself, text is read as octal, anything else gives 0644. */
    private static int mode(String path, Object permissions, List<String> warnings) {
        switch (permissions) {
            case null -> {
                return DEFAULT_MODE;
            }
            case Number number -> {
                return number.intValue() & 07777;
            }
            default -> {
                String text = PyValues.str(permissions).strip().replace("_", "");
                if (text.toLowerCase(Locale.ROOT).startsWith("0o")) {
                    text = text.substring(2);
                }
                try {
                    return Integer.parseInt(text, 8) & 07777;
                } catch (NumberFormatException e) {
                    warnings.add(path + ": permissions '" + Text.echo(PyValues.str(permissions))
                            + "' are not an octal mode, so 0644 is used");
                    return DEFAULT_MODE;
                }
            }
        }
    }
}
