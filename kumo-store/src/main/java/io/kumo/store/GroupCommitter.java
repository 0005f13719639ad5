package io.kumo.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes appended records durable with as few fsyncs as possible: one thread forces the log
 * whenever something new was appended, and every writer that appended before that force started
 * is released by it. With many concurrent writers one fsync covers many transactions.
 */
final class GroupCommitter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GroupCommitter.class.getName());

    private final WriteAheadLog log;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appendedMore = lock.newCondition();
    private final Condition forced = lock.newCondition();
    private final Thread thread;
    private long appendedSeq;
    private long durableSeq;
    private boolean closing;
    private volatile IOException failure;

    GroupCommitter(WriteAheadLog log) {
        this.log = log;
        this.appendedSeq = log.lastSeq();
        this.durableSeq = log.lastSeq();
        this.thread = Thread.ofPlatform().name("kumo-store-fsync").daemon().unstarted(this::run);
        thread.start();
    }

    void appended(long seq) {
        lock.lock();
        try {
            appendedSeq = Math.max(appendedSeq, seq);
            appendedMore.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the record is on disk. Uninterruptibly: the transaction is already visible, so
     * returning early would break the promise that what write returned survives a crash.
     */
    void awaitDurable(long seq) {
        lock.lock();
        try {
            while (durableSeq < seq) {
                if (failure != null) {
                    throw new UncheckedIOException("the store's log could not be synced to disk; restart Kumo",
                            failure);
                }
                forced.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The error that stopped the fsync thread, or null. */
    IOException failure() {
        return failure;
    }

    private void run() {
        while (true) {
            long target;
            lock.lock();
            try {
                while (appendedSeq == durableSeq && !closing) {
                    appendedMore.awaitUninterruptibly();
                }
                if (appendedSeq == durableSeq) {
                    return;
                }
                target = appendedSeq;
            } finally {
                lock.unlock();
            }
            try {
                log.force();
            } catch (IOException e) {
                // A failed fsync cannot be retried safely (the kernel may have dropped the dirty
                // pages), so the store stops accepting writes.
                LOG.log(System.Logger.Level.ERROR, "fsync of the store's log failed; the store accepts no more writes", e);
                lock.lock();
                try {
                    failure = e;
                    forced.signalAll();
                } finally {
                    lock.unlock();
                }
                return;
            }
            lock.lock();
            try {
                durableSeq = target;
                forced.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Syncs what is still pending, then stops the thread. */
    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            appendedMore.signal();
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
