package io.kumo.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OS file lock on the data directory, so two processes never write one log. The OS drops it
 * when the process dies, even by kill -9, so a crash never leaves a stale lock behind.
 */
final class DataDirLock implements AutoCloseable {

    // The OS lock is per process, and closing any descriptor of the lock file drops it: a second
    // store in this process must be turned away before it even opens the file.
    private static final Set<Path> HELD_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(DataDir dir) {
        Path file;
        try {
            file = dir.root().toRealPath().resolve(dir.lockFile().getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find the data directory " + dir.root(), e);
        }
        if (!HELD_IN_THIS_PROCESS.add(file)) {
            throw new IllegalStateException("the data directory " + dir.root() + " is in use by another Kumo store"
                    + " in this process (pid " + ProcessHandle.current().pid() + "); close that one first");
        }
        try {
            return lockFile(dir, file);
        } catch (RuntimeException e) {
            HELD_IN_THIS_PROCESS.remove(file);
            throw e;
        }
    }

    private static DataDirLock lockFile(DataDir dir, Path file) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("the data directory " + dir.root()
                        + " is in use by another Kumo (" + holder(file)
                        + "); stop it, or give this Kumo another data directory");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            return new DataDirLock(file, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the data directory " + dir.root(), e);
        }
    }

    private static String holder(Path file) {
        try {
            String content = Files.readString(file).strip();
            return content.isEmpty() ? "unknown process" : content;
        } catch (IOException e) {
            return "unknown process";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the data directory lock", e);
        } finally {
            HELD_IN_THIS_PROCESS.remove(file);
        }
    }
}
