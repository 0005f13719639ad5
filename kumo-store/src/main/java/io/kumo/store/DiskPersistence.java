package io.kumo.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

/** Keeps the store in a data directory: a write-ahead log with group commit, and snapshots. */
final class DiskPersistence implements Persistence {

    private static final System.Logger LOG = System.getLogger(DiskPersistence.class.getName());

    private final DataDir dir;
    private final StoreOptions options;
    private final ReentrantLock writerLock;
    private final Snapshotter snapshotter;
    private final ExecutorService snapshots = Executors.newSingleThreadExecutor(
            task -> Thread.ofPlatform().name("kumo-store-snapshot").daemon().unstarted(task));
    private final AtomicBoolean snapshotQueued = new AtomicBoolean();
    private Tables tables;
    private DataDirLock lock;
    private WriteAheadLog log;
    private GroupCommitter committer;
    private volatile IOException appendFailure;
    private volatile boolean closing;
    // Only the snapshot thread changes it after open.
    private long snapshotSeq;

    DiskPersistence(Path root, StoreOptions options, ValueCodec codec, ReentrantLock writerLock) {
        this.dir = new DataDir(root);
        this.options = options;
        this.writerLock = writerLock;
        this.snapshotter = new Snapshotter(dir, codec);
    }

    @Override
    public void open(Tables tables) {
        this.tables = tables;
        dir.create();
        lock = DataDirLock.acquire(dir);
        try {
            Recovery.Result recovered = Recovery.run(dir, snapshotter, tables);
            log = WriteAheadLog.open(dir, recovered.lastSeq(), recovered.tailSegment());
            snapshotSeq = recovered.snapshotSeq();
            committer = new GroupCommitter(log);
            LOG.log(System.Logger.Level.DEBUG, () -> "store recovered from " + dir.root() + " up to transaction "
                    + recovered.lastSeq());
        } catch (IOException e) {
            abandonOpen(tables);
            throw new UncheckedIOException("cannot recover the store from " + dir.root(), e);
        } catch (RuntimeException | Error e) {
            abandonOpen(tables);
            throw e;
        }
        if (log.segmentSize() > options.snapshotAfterLogBytes()) {
            requestSnapshot();
        }
    }

    // A later open() starts from scratch rather than on top of a half recovery.
    private void abandonOpen(Tables tables) {
        tables.clear();
        lock.close();
        lock = null;
    }

    @Override
    public long append(List<WriteOp> ops) {
        return appendRecord(seq -> new LogRecord(seq, false, ops));
    }

    @Override
    public long appendReset() {
        long seq = appendRecord(seq1 -> new LogRecord(seq1, true, List.of()));
        // Everything before the reset is garbage now; a snapshot of the empty state lets it go.
        requestSnapshot();
        return seq;
    }

    private long appendRecord(LongFunction<LogRecord> record) {
        checkHealthy();
        long seq = log.lastSeq() + 1;
        byte[] payload = RecordCodec.encode(record.apply(seq));
        try {
            log.append(seq, payload);
        } catch (IOException e) {
            // A partial record may now sit at the end of the log: nothing may follow it.
            appendFailure = e;
            throw new UncheckedIOException("cannot write the store's log in " + dir.root()
                    + "; the store accepts no more writes, restart Kumo", e);
        }
        committer.appended(seq);
        if (log.segmentSize() > options.snapshotAfterLogBytes()) {
            requestSnapshot();
        }
        return seq;
    }

    private void checkHealthy() {
        IOException failure = appendFailure != null ? appendFailure : committer.failure();
        if (failure != null) {
            throw new IllegalStateException("the store stopped accepting writes after an I/O error; restart Kumo",
                    failure);
        }
    }

    @Override
    public void awaitDurable(long seq) {
        committer.awaitDurable(seq);
    }

    private void requestSnapshot() {
        if (!closing && snapshotQueued.compareAndSet(false, true)) {
            snapshots.execute(() -> {
                snapshotQueued.set(false);
                try {
                    snapshot();
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "writing a snapshot of the store failed; the log keeps"
                            + " growing until one succeeds", e);
                }
            });
        }
    }

    @Override
    public void checkpoint() {
        Future<?> done = snapshots.submit(() -> {
            snapshot();
            return null;
        });
        try {
            done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException("cannot write a snapshot of the store", io);
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a snapshot", e);
        }
    }

    private void snapshot() throws IOException {
        long seq;
        List<TableImage> images;
        // Writers wait only while the log rolls over and references are copied; the values are
        // immutable, so they are serialised after the lock is released.
        writerLock.lock();
        try {
            seq = log.lastSeq();
            if (seq == snapshotSeq) {
                return;
            }
            log.roll();
            images = tables.image();
        } finally {
            writerLock.unlock();
        }
        snapshotter.write(seq, images);
        snapshotSeq = seq;
        log.deleteSegmentsBefore(seq + 1);
    }

    /** Lets a snapshot already asked for finish, so the next start has less log to replay. */
    @Override
    public void close() {
        closing = true;
        snapshots.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (snapshots.awaitTermination(1, TimeUnit.DAYS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (committer != null) {
            committer.close();
        }
        try {
            if (log != null) {
                log.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the store's log", e);
        } finally {
            if (lock != null) {
                lock.close();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
