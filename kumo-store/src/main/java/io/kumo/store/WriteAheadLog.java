package io.kumo.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The log of committed transactions, in segments that a snapshot lets go of. {@link #append} and
 * {@link #roll} run under the store's writer lock; {@link #force} runs on the fsync thread.
 */
final class WriteAheadLog implements AutoCloseable {

    private final DataDir dir;
    // Guards swapping the channel against a concurrent force, which must not hit a closed channel.
    private final Object channelLock = new Object();
    private FileChannel channel;
    private long segmentFirstSeq;
    private long segmentSize;
    private long lastSeq;

    private WriteAheadLog(DataDir dir, FileChannel channel, long segmentFirstSeq, long segmentSize, long lastSeq) {
        this.dir = dir;
        this.channel = channel;
        this.segmentFirstSeq = segmentFirstSeq;
        this.segmentSize = segmentSize;
        this.lastSeq = lastSeq;
    }

    /**
     * Continues the log after recovery, at the end of the tail segment (already cut back to its
     * last complete record), or in a new segment when there is none.
     */
    static WriteAheadLog open(DataDir dir, long lastSeq, Long tailFirstSeq) throws IOException {
        if (tailFirstSeq == null) {
            long first = lastSeq + 1;
            return new WriteAheadLog(dir, createSegment(dir, first), first, Frames.LOG_MAGIC.length, lastSeq);
        }
        FileChannel channel = FileChannel.open(dir.segment(tailFirstSeq), StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        long size = channel.size();
        if (size < Frames.LOG_MAGIC.length) {
            channel.truncate(0);
            writeFully(channel, ByteBuffer.wrap(Frames.LOG_MAGIC));
            channel.force(true);
            size = Frames.LOG_MAGIC.length;
        }
        channel.position(size);
        return new WriteAheadLog(dir, channel, tailFirstSeq, size, lastSeq);
    }

    long lastSeq() {
        return lastSeq;
    }

    /** Bytes in the current segment. */
    long segmentSize() {
        return segmentSize;
    }

    /**
     * Writes a record into the OS page cache: from here on it survives the death of this process,
     * and a {@link #force} makes it survive the machine's.
     */
    void append(long seq, byte[] payload) throws IOException {
        if (seq != lastSeq + 1) {
            throw new IllegalStateException("log sequence " + seq + " does not follow " + lastSeq);
        }
        ByteBuffer frame = Frames.frame(payload);
        int length = frame.remaining();
        writeFully(channel, frame);
        segmentSize += length;
        lastSeq = seq;
    }

    void force() throws IOException {
        synchronized (channelLock) {
            channel.force(false);
        }
    }

    /** Starts a new segment at the next sequence, so everything up to lastSeq can be snapshotted. */
    void roll() throws IOException {
        long first = lastSeq + 1;
        if (first == segmentFirstSeq) {
            return;
        }
        FileChannel next = createSegment(dir, first);
        synchronized (channelLock) {
            // Forced here because the fsync thread only ever forces the current segment.
            channel.force(false);
            channel.close();
            channel = next;
        }
        segmentFirstSeq = first;
        segmentSize = Frames.LOG_MAGIC.length;
    }

    /** Deletes the segments that hold only records before seq, which a snapshot now covers. */
    void deleteSegmentsBefore(long seq) throws IOException {
        List<Long> segments = dir.segments();
        for (int i = 0; i < segments.size(); i++) {
            long first = segments.get(i);
            boolean nextStartsByThen = i + 1 < segments.size() && segments.get(i + 1) <= seq;
            if (first != segmentFirstSeq && nextStartsByThen) {
                Files.deleteIfExists(dir.segment(first));
            }
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (channelLock) {
            if (channel.isOpen()) {
                channel.force(true);
                channel.close();
            }
        }
    }

    private static FileChannel createSegment(DataDir dir, long firstSeq) throws IOException {
        Path file = dir.segment(firstSeq);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        writeFully(channel, ByteBuffer.wrap(Frames.LOG_MAGIC));
        channel.force(true);
        dir.sync();
        return channel;
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
