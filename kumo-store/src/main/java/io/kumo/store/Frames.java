package io.kumo.store;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * How the log and snapshots store records: an 8-byte file magic, then frames of
 * {@code int length, int CRC32 of the payload, payload}. A frame that is cut short or whose
 * checksum does not match marks the end of what was written completely.
 */
final class Frames {

    static final int HEADER_BYTES = 8;
    static final byte[] LOG_MAGIC = {'K', 'U', 'M', 'O', 'L', 'O', 'G', '1'};
    static final byte[] SNAPSHOT_MAGIC = {'K', 'U', 'M', 'O', 'S', 'N', 'P', '1'};

    private Frames() {
    }

    static ByteBuffer frame(byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        frame.putInt(payload.length).putInt(crc(payload, payload.length)).put(payload).flip();
        return frame;
    }

    static int crc(byte[] payload, int length) {
        CRC32 crc = new CRC32();
        crc.update(payload, 0, length);
        return (int) crc.getValue();
    }
}
