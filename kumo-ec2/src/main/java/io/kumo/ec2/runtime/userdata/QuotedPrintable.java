package io.kumo.ec2.runtime.userdata;

import java.io.ByteArrayOutputStream;

/** Quoted-printable (RFC 2045 §6.7) decoding, lenient as mail readers are: a malformed escape stays as it is. */
final class QuotedPrintable {
    private QuotedPrintable() {
    }

    static byte[] decode(byte[] encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length);
        for (int i = 0; i < encoded.length; i++) {
            byte b = encoded[i];
            if (b != '=') {
                out.write(b);
                continue;
            }
            if (i + 1 < encoded.length && encoded[i + 1] == '\n') {
                i++;
            } else if (i + 2 < encoded.length && encoded[i + 1] == '\r' && encoded[i + 2] == '\n') {
                i += 2;
            } else if (i + 2 < encoded.length && hex(encoded[i + 1]) >= 0 && hex(encoded[i + 2]) >= 0) {
                out.write(hex(encoded[i + 1]) << 4 | hex(encoded[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }
}
