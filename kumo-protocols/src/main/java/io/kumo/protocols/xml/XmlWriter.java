package io.kumo.protocols.xml;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Deque;

/** A small streaming XML writer for response bodies; escapes text and attribute values. */
public final class XmlWriter {
    private final StringBuilder out = new StringBuilder(4096);
    private final List<ByteBuffer> parts = new ArrayList<>();
    private final Deque<String> open = new ArrayDeque<>();
    private boolean tagOpen;

    public XmlWriter declaration() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        return this;
    }

    public XmlWriter start(String name) {
        closeTag();
        out.append('<').append(name);
        open.push(name);
        tagOpen = true;
        return this;
    }

    public XmlWriter attribute(String name, String value) {
        if (!tagOpen) {
            throw new IllegalStateException("attribute outside a start tag");
        }
        out.append(' ').append(name).append("=\"");
        escape(value, true);
        out.append('"');
        return this;
    }

    public XmlWriter text(String value) {
        closeTag();
        escape(value, false);
        return this;
    }

    public XmlWriter end() {
        String name = open.pop();
        if (tagOpen) {
            out.append("/>");
            tagOpen = false;
        } else {
            out.append("</").append(name).append('>');
        }
        return this;
    }

    public XmlWriter element(String name, String value) {
        return start(name).text(value).end();
    }

    /** Appends XML written elsewhere as UTF-8, already escaped and balanced; the buffer is shared, not copied. */
    public XmlWriter raw(ByteBuffer xml) {
        closeTag();
        flushText();
        parts.add(xml.duplicate());
        return this;
    }

    /**
     * The XML written so far as UTF-8 parts, with every open element closed. Raw parts are
     * passed on as they came; the text between them is encoded once.
     */
    public List<ByteBuffer> toParts() {
        while (!open.isEmpty()) {
            end();
        }
        flushText();
        return parts;
    }

    /** As {@link #toParts()}, in one array. */
    public byte[] toBytes() {
        List<ByteBuffer> all = toParts();
        if (all.size() == 1 && all.getFirst().hasArray()) {
            return all.getFirst().array();
        }
        int size = 0;
        for (ByteBuffer part : all) {
            size += part.remaining();
        }
        byte[] bytes = new byte[size];
        int at = 0;
        for (ByteBuffer part : all) {
            int n = part.remaining();
            part.duplicate().get(bytes, at, n);
            at += n;
        }
        return bytes;
    }

    /** Text since the last raw part becomes a part of its own, so raw parts are never re-encoded. */
    private void flushText() {
        if (!out.isEmpty()) {
            parts.add(ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.UTF_8)));
            out.setLength(0);
        }
    }

    /** Most values (ids, states, addresses) need no escaping: they are appended whole. */
    private static int firstToEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '"') {
                return i;
            }
        }
        return -1;
    }

    private void closeTag() {
        if (tagOpen) {
            out.append('>');
            tagOpen = false;
        }
    }

    private void escape(String s, boolean attribute) {
        int first = firstToEscape(s);
        if (first < 0) {
            out.append(s);
            return;
        }
        out.append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\r' -> out.append("&#xD;");
                case '\n' -> out.append(attribute ? "&#xA;" : "\n");
                default -> {
                    if (c < 0x20 && c != '\t') {
                        out.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
