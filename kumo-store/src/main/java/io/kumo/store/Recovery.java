package io.kumo.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Rebuilds the tables from disk: the newest complete snapshot, then every later log record in
 * order. The log ends at its first torn or corrupt record, which a crash in the middle of a write
 * leaves behind; the file is cut there so the half-written transaction is never applied and new
 * records follow the last complete one.
 */
final class Recovery {

    private static final System.Logger LOG = System.getLogger(Recovery.class.getName());

    /**
     * @param lastSeq      the last transaction recovered
     * @param snapshotSeq  the transaction the loaded snapshot covers, 0 without one
     * @param tailSegment  the first sequence of the segment to append to, or null to start one
     */
    record Result(long lastSeq, long snapshotSeq, Long tailSegment) {
    }

    private Recovery() {
    }

    static Result run(DataDir dir, Snapshotter snapshotter, Tables tables) throws IOException {
        dir.deleteTemporaryFiles();
        long snapshotSeq = loadNewestSnapshot(dir, snapshotter, tables);
        long lastSeq = snapshotSeq;
        List<Long> segments = dir.segments();
        Long tail = null;
        for (int i = 0; i < segments.size(); i++) {
            tail = segments.get(i);
            Path file = dir.segment(tail);
            try (FrameReader reader = new FrameReader(file, Frames.LOG_MAGIC)) {
                byte[] payload;
                while ((payload = reader.next()) != null) {
                    LogRecord record = RecordCodec.decodeLogRecord(payload);
                    if (record.seq() <= lastSeq) {
                        continue;
                    }
                    if (record.seq() != lastSeq + 1) {
                        throw new IllegalStateException("the store's log in " + dir.root() + " jumps from transaction "
                                + lastSeq + " to " + record.seq() + " in " + file.getFileName()
                                + ": a log segment or snapshot is missing, refusing to start with a gap");
                    }
                    if (record.reset()) {
                        tables.clear();
                    } else {
                        tables.apply(record.ops());
                    }
                    lastSeq = record.seq();
                }
                if (reader.damaged()) {
                    List<Long> later = segments.subList(i + 1, segments.size());
                    LOG.log(System.Logger.Level.WARNING, "dropping the torn end of the store's log " + file
                            + " from byte " + reader.validEnd() + " of " + reader.fileSize()
                            + " (a write cut short by a crash)"
                            + (later.isEmpty() ? "" : " and the " + later.size() + " segments after it"));
                    cut(file, reader.validEnd());
                    for (long segment : later) {
                        Files.deleteIfExists(dir.segment(segment));
                    }
                    break;
                }
            }
        }
        return new Result(lastSeq, snapshotSeq, tail);
    }

    private static long loadNewestSnapshot(DataDir dir, Snapshotter snapshotter, Tables tables) throws IOException {
        List<Long> snapshots = dir.snapshots();
        for (int i = snapshots.size() - 1; i >= 0; i--) {
            try {
                return snapshotter.load(snapshots.get(i), tables);
            } catch (Snapshotter.DamagedSnapshotException e) {
                LOG.log(System.Logger.Level.WARNING, "ignoring a damaged snapshot: " + e.getMessage());
                tables.clear();
            }
        }
        return 0;
    }

    private static void cut(Path file, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
            channel.force(true);
        }
    }
}
