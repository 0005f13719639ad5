package io.kumo.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes and reads full snapshots. A snapshot only ever appears complete: it is written to a
 * temporary file, synced, renamed over, and the rename synced, so a crash at any point leaves
 * either the old snapshot or the new one.
 */
final class Snapshotter {

    /** A snapshot that is cut short or damaged; an older one, if any, is used instead. */
    static final class DamagedSnapshotException extends IOException {
        DamagedSnapshotException(String message) {
            super(message);
        }
    }

    private final DataDir dir;
    private final ValueCodec codec;

    Snapshotter(DataDir dir, ValueCodec codec) {
        this.dir = dir;
        this.codec = codec;
    }

    /** Writes every value as of seq and then deletes older snapshots. */
    void write(long seq, List<TableImage> images) throws IOException {
        Path target = dir.snapshot(seq);
        Path temporary = dir.temporary(target);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20);
            out.write(Frames.SNAPSHOT_MAGIC);
            writeFrame(out, RecordCodec.encodeSnapshotStart(seq));
            long count = 0;
            for (TableImage image : images) {
                for (int i = 0; i < image.keys().length; i++) {
                    byte[] json = codec.encode(image.values()[i]);
                    writeFrame(out, RecordCodec.encodeSnapshotEntry(image.name(), image.keys()[i], json));
                    count++;
                }
            }
            writeFrame(out, RecordCodec.encodeSnapshotEnd(count));
            out.flush();
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        dir.sync();
        for (long older : dir.snapshots()) {
            if (older < seq) {
                Files.deleteIfExists(dir.snapshot(older));
            }
        }
    }

    /** Loads the snapshot taken at seq into tables and returns seq. */
    long load(long seq, Tables tables) throws IOException {
        Path file = dir.snapshot(seq);
        try (FrameReader reader = new FrameReader(file, Frames.SNAPSHOT_MAGIC)) {
            byte[] first = reader.next();
            RecordCodec.SnapshotFrame start = first == null ? null : RecordCodec.decodeSnapshotFrame(first);
            if (start == null || !start.start() || start.number() != seq) {
                throw new DamagedSnapshotException(file + " does not start like a snapshot of " + seq);
            }
            long count = 0;
            while (true) {
                byte[] payload = reader.next();
                if (payload == null) {
                    throw new DamagedSnapshotException(file + " ends after " + count + " values, before its end mark");
                }
                RecordCodec.SnapshotFrame frame = RecordCodec.decodeSnapshotFrame(payload);
                if (frame.end()) {
                    if (frame.number() != count) {
                        throw new DamagedSnapshotException(file + " holds " + count + " values but says "
                                + frame.number());
                    }
                    return seq;
                }
                tables.apply(List.of(WriteOp.put(frame.table(), frame.key(), null, frame.json())));
                count++;
            }
        }
    }

    private static void writeFrame(OutputStream out, byte[] payload) throws IOException {
        ByteBuffer frame = Frames.frame(payload);
        out.write(frame.array(), 0, frame.limit());
    }
}
