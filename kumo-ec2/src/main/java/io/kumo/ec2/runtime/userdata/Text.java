package io.kumo.ec2.runtime.userdata;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Bytes as text, the way the console and the shell will see them. */
final class Text {
    private static final int ECHO_LIMIT = 80;

    private Text() {
    }

    /** UTF-8 text, with undecodable bytes replaced (the init stores scripts as UTF-8 text). */
    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The text when every byte is valid UTF-8 and none is NUL (which no shell here-doc can carry). */
    static Optional<String> strictUtf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Windows line endings to Unix ones, as cloud-init does to every shell script before running it. */
    static byte[] dos2unix(byte[] bytes) {
        ByteBuffer out = ByteBuffer.allocate(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (!(bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n')) {
                out.put(bytes[i]);
            }
        }
        byte[] result = new byte[out.position()];
        out.flip().get(result);
        return result;
    }

    static String firstLine(String text) {
        int eol = text.indexOf('\n');
        String line = eol < 0 ? text : text.substring(0, eol);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /**
     * A line fit to echo on the console: at most 80 characters, every control or invisible character (a byte
     * order mark, a stray carriage return) shown as {@code ?} so the reader sees that something is there.
     */
    static String echo(String line) {
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            i += Character.charCount(cp);
            if (count++ == ECHO_LIMIT) {
                out.append("...");
                break;
            }
            boolean visible = cp == ' ' || !(Character.isISOControl(cp) || Character.isWhitespace(cp)
                    || Character.getType(cp) == Character.FORMAT || cp == 0xFFFD);
            out.appendCodePoint(visible ? cp : '?');
        }
        return out.toString();
    }
}
