package io.kumo.elbv2.runtime;

import io.netty.util.AsciiString;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** The X-Amzn-Trace-Id an ALB adds: "Root=1-{epoch seconds, 8 hex digits}-{24 random hex digits}". */
final class TraceIds {
    private static final byte[] PREFIX = "Root=1-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int LENGTH = PREFIX.length + 8 + 1 + 24;

    private TraceIds() {
    }

    /** A new id, as bytes (one per request: Netty writes an AsciiString with one copy, a String char by char). */
    static AsciiString next() {
        byte[] id = new byte[LENGTH];
        System.arraycopy(PREFIX, 0, id, 0, PREFIX.length);
        int at = hex(id, PREFIX.length, System.currentTimeMillis() / 1000, 8);
        id[at++] = '-';
        ThreadLocalRandom random = ThreadLocalRandom.current();
        at = hex(id, at, random.nextLong(), 16);
        hex(id, at, random.nextInt(), 8);
        return new AsciiString(id, false);
    }

    /** Writes the low {@code digits} hex digits of value, most significant first; returns the next position. */
    private static int hex(byte[] into, int at, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            into[at++] = HEX[(int) (value >>> (4 * i)) & 0xf];
        }
        return at;
    }
}
