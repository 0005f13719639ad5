package io.kumo.ec2.keypair.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Reads the SSH wire encoding, refusing truncated or oversized fields. */
final class SshWireReader {
    private final byte[] bytes;
    private int position;

    SshWireReader(byte[] bytes) {
        this.bytes = bytes;
    }

    long uint32() {
        require(4);
        long value = ((bytes[position] & 0xFFL) << 24) | ((bytes[position + 1] & 0xFFL) << 16)
                | ((bytes[position + 2] & 0xFFL) << 8) | (bytes[position + 3] & 0xFFL);
        position += 4;
        return value;
    }

    byte[] string() {
        long length = uint32();
        if (length > bytes.length - position) {
            throw new IllegalArgumentException("SSH string runs past the end of the data");
        }
        byte[] value = new byte[(int) length];
        System.arraycopy(bytes, position, value, 0, value.length);
        position += value.length;
        return value;
    }

    String text() {
        return new String(string(), StandardCharsets.UTF_8);
    }

    BigInteger mpint() {
        byte[] value = string();
        return value.length == 0 ? BigInteger.ZERO : new BigInteger(value);
    }

    boolean hasRemaining() {
        return position < bytes.length;
    }

    void requireEnd() {
        if (hasRemaining()) {
            throw new IllegalArgumentException("unexpected data after the last SSH field");
        }
    }

    private void require(int count) {
        if (bytes.length - position < count) {
            throw new IllegalArgumentException("SSH data is truncated");
        }
    }
}
