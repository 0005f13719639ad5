package io.kumo.ec2.keypair.crypto;

import java.util.Base64;
import java.util.Optional;

/** The "-----BEGIN LABEL-----" armour shared by PEM and OpenSSH private keys. */
final class Pem {
    /** OpenSSL wraps PEM at 64 columns; OpenSSH wraps its own private keys at 70. */
    static final int PEM_LINE = 64;
    static final int OPENSSH_LINE = 70;

    private Pem() {
    }

    static String armor(String label, byte[] body, int lineLength) {
        StringBuilder text = new StringBuilder("-----BEGIN ").append(label).append("-----\n");
        text.append(wrap(Base64.getEncoder().encodeToString(body), lineLength));
        return text.append("-----END ").append(label).append("-----").toString();
    }

    /** Base64 cut into lines, each ending in a newline. */
    static String wrap(String base64, int lineLength) {
        StringBuilder lines = new StringBuilder();
        for (int start = 0; start < base64.length(); start += lineLength) {
            lines.append(base64, start, Math.min(base64.length(), start + lineLength)).append('\n');
        }
        return lines.toString();
    }

    /** The body of the first block with this label, or empty when the text is not such a block. */
    static Optional<byte[]> dearmor(String text, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        String trimmed = text.strip();
        if (!trimmed.startsWith(begin) || !trimmed.endsWith(end)) {
            return Optional.empty();
        }
        return decodeBase64(trimmed.substring(begin.length(), trimmed.length() - end.length()));
    }

    /**
     * Strict base64 that only forgives line breaks and spaces; the MIME decoder would silently
     * skip any stray character and so call almost anything base64.
     */
    static Optional<byte[]> decodeBase64(String text) {
        String compact = text.replaceAll("\\s+", "");
        if (compact.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(compact));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
