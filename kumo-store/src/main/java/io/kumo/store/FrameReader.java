package io.kumo.store;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads the frames of a log segment or snapshot until the end or the first damaged frame. */
final class FrameReader implements AutoCloseable {

    private final DataInputStream in;
    private final long fileSize;
    private long validEnd;
    private boolean finished;
    private boolean damaged;

    FrameReader(Path file, byte[] magic) throws IOException {
        this.fileSize = Files.size(file);
        this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        byte[] header = in.readNBytes(magic.length);
        if (!Arrays.equals(header, magic)) {
            // An empty file is a segment created just before a crash: nothing was lost.
            damaged = fileSize > 0;
            finished = true;
        } else {
            validEnd = magic.length;
        }
    }

    /** The next payload, or null at the end of the complete frames (see {@link #damaged()}). */
    byte[] next() throws IOException {
        long remaining = fileSize - validEnd;
        if (finished || remaining == 0) {
            return null;
        }
        try {
            if (remaining < Frames.HEADER_BYTES) {
                return stop();
            }
            int length = in.readInt();
            int crc = in.readInt();
            if (length <= 0 || length > remaining - Frames.HEADER_BYTES) {
                return stop();
            }
            byte[] payload = in.readNBytes(length);
            if (payload.length < length || Frames.crc(payload, length) != crc) {
                return stop();
            }
            validEnd += Frames.HEADER_BYTES + length;
            return payload;
        } catch (EOFException e) {
            // The file is shorter than its size said: the frame is as incomplete as a torn one.
            return stop();
        }
    }

    private byte[] stop() {
        damaged = true;
        finished = true;
        return null;
    }

    /** Where the last complete frame ends; 0 if not even the magic is intact. */
    long validEnd() {
        return validEnd;
    }

    /** Whether reading stopped at a torn or corrupt frame rather than at the end of the file. */
    boolean damaged() {
        return damaged;
    }

    long fileSize() {
        return fileSize;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
