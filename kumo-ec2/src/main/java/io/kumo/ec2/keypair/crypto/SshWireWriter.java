package io.kumo.ec2.keypair.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Builds byte strings in the SSH wire encoding of RFC 4251 section 5. */
final class SshWireWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    SshWireWriter uint32(long value) {
        out.write((int) (value >>> 24));
        out.write((int) (value >>> 16));
        out.write((int) (value >>> 8));
        out.write((int) value);
        return this;
    }

    SshWireWriter string(byte[] bytes) {
        uint32(bytes.length);
        out.writeBytes(bytes);
        return this;
    }

    SshWireWriter string(String text) {
        return string(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Two's complement, big-endian, minimal; zero is the empty string. */
    SshWireWriter mpint(BigInteger value) {
        return string(value.signum() == 0 ? new byte[0] : value.toByteArray());
    }

    SshWireWriter raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
