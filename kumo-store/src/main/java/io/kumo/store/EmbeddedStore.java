package io.kumo.store;

import io.kumo.core.store.Store;
import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Table;
import io.kumo.core.store.Tx;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The store Kumo ships with: every value in memory, every commit in a write-ahead log on disk.
 *
 * <p>Write transactions run one at a time (their functions are short and do no I/O), so each one
 * sees the state every earlier one left and none can lose another's update. Read transactions run
 * concurrently with each other and with write functions, on a consistent view. A commit appends
 * one record to the log while still holding the writer lock, then waits outside it for a shared
 * fsync, so concurrent writers share fsyncs. Readers may see a commit a moment before its fsync
 * ends; it is in the OS page cache by then, so it survives the death of the process (kill -9),
 * and only a machine crash in that moment could lose it.
 *
 * <p>Values go through JSON when they are put: what a transaction reads back, even its own
 * writes, is the value as it will read after a restart, with unmodifiable collections.
 *
 * <p>Nested calls: a {@code read} or {@code write} called from inside a transaction's function on
 * the same thread joins that transaction instead of starting another. A nested write's changes
 * commit (or roll back) with the outer transaction; if the nested function throws, only its own
 * changes are taken back before the exception propagates. A nested read sees the outer
 * transaction's uncommitted changes. A {@code write} nested in a {@code read} throws
 * {@link IllegalStateException}, as do {@link #reset}, {@link #register}, {@link #checkpoint} and
 * {@link #close} called inside any transaction.
 *
 * <p>A {@link Tx} belongs to the thread that started its transaction and ends when its function
 * returns; using it elsewhere throws {@link IllegalStateException}. A transaction's function must
 * not wait for another thread's store call: a write function holds the writer lock, a read
 * function a read lock.
 */
public final class EmbeddedStore implements Store {

    private static final System.Logger LOG = System.getLogger(EmbeddedStore.class.getName());

    private enum State { NEW, OPEN, CLOSED }

    private final ValueCodec codec = new ValueCodec();
    private final Tables tables = new Tables(codec);
    // Serialises write transactions and guards the log.
    private final ReentrantLock writerLock = new ReentrantLock();
    // Keeps readers from seeing a commit half applied.
    private final ReentrantReadWriteLock viewLock = new ReentrantReadWriteLock();
    private final ThreadLocal<TxContext> currentTx = new ThreadLocal<>();
    private final List<Consumer<CommitEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Persistence persistence;
    private final String description;
    private volatile State state;

    private EmbeddedStore(Path dataDir, StoreOptions options) {
        if (dataDir == null) {
            this.persistence = new Persistence.None();
            this.description = "in-memory store";
            this.state = State.OPEN;
        } else {
            this.persistence = new DiskPersistence(dataDir, options, codec, writerLock);
            this.description = "store in " + dataDir.toAbsolutePath();
            this.state = State.NEW;
        }
    }

    /** A store kept in dataDir (created if missing). Register tables, then {@link #open()}. */
    public static EmbeddedStore durable(Path dataDir) {
        return durable(dataDir, StoreOptions.defaults());
    }

    public static EmbeddedStore durable(Path dataDir, StoreOptions options) {
        return new EmbeddedStore(Objects.requireNonNull(dataDir, "dataDir"), Objects.requireNonNull(options, "options"));
    }

    /**
     * A store that keeps nothing on disk, for tests. It is open from the start ({@link #open()} is
     * allowed and does nothing), and values still go through JSON so that what works here works
     * with the durable store.
     */
    public static EmbeddedStore inMemory() {
        return new EmbeddedStore(null, null);
    }

    @Override
    public void register(Table<?> table) {
        Objects.requireNonNull(table, "table");
        checkOutsideTx("register");
        writerLock.lock();
        try {
            viewLock.writeLock().lock();
            try {
                tables.register(table);
            } finally {
                viewLock.writeLock().unlock();
            }
        } finally {
            writerLock.unlock();
        }
    }

    @Override
    public void open() {
        checkOutsideTx("open");
        writerLock.lock();
        try {
            if (persistence instanceof Persistence.None && state == State.OPEN) {
                return;
            }
            if (state != State.NEW) {
                throw new IllegalStateException(description + " is " + (state == State.OPEN ? "already open" : "closed"));
            }
            viewLock.writeLock().lock();
            try {
                persistence.open(tables);
            } finally {
                viewLock.writeLock().unlock();
            }
            state = State.OPEN;
        } finally {
            writerLock.unlock();
        }
    }

    @Override
    public <T> T read(StoreScope scope, Function<Tx, T> work) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(work, "work");
        TxContext outer = currentTx.get();
        if (outer != null) {
            return work.apply(new ScopedTx(outer, scope, false));
        }
        checkOpen();
        viewLock.readLock().lock();
        try {
            return runInNewTx(TxContext.forRead(tables, codec), scope, false, work);
        } finally {
            viewLock.readLock().unlock();
        }
    }

    @Override
    public <T> T write(StoreScope scope, Function<Tx, T> work) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(work, "work");
        TxContext outer = currentTx.get();
        if (outer != null) {
            return joinOuterWrite(outer, scope, work);
        }
        checkOpen();
        T result;
        long seq;
        Set<String> touched;
        writerLock.lock();
        try {
            checkOpen();
            TxContext tx = TxContext.forWrite(tables, codec);
            result = runInNewTx(tx, scope, true, work);
            WriteBuffer changes = tx.buffer();
            if (changes.isEmpty()) {
                return result;
            }
            List<WriteOp> ops = changes.ops();
            // Logged before applied: if the log cannot take it, memory stays as it was.
            seq = persistence.append(ops);
            viewLock.writeLock().lock();
            try {
                tables.apply(ops);
            } finally {
                viewLock.writeLock().unlock();
            }
            touched = changes.tables();
        } finally {
            writerLock.unlock();
        }
        persistence.awaitDurable(seq);
        notifyListeners(new CommitEvent(touched, false));
        return result;
    }

    private <T> T runInNewTx(TxContext tx, StoreScope scope, boolean writable, Function<Tx, T> work) {
        currentTx.set(tx);
        try {
            return work.apply(new ScopedTx(tx, scope, writable));
        } finally {
            tx.end();
            currentTx.remove();
        }
    }

    private <T> T joinOuterWrite(TxContext outer, StoreScope scope, Function<Tx, T> work) {
        if (!outer.writable()) {
            throw new IllegalStateException("Store.write called inside a Store.read on the same thread; a read"
                    + " transaction cannot write: do the whole work in one Store.write");
        }
        WriteBuffer changes = outer.buffer();
        int savepoint = changes.savepoint();
        try {
            return work.apply(new ScopedTx(outer, scope, true));
        } catch (Throwable e) {
            changes.rollbackTo(savepoint);
            throw e;
        }
    }

    @Override
    public void reset() {
        checkOutsideTx("reset");
        checkOpen();
        long seq;
        writerLock.lock();
        try {
            checkOpen();
            seq = persistence.appendReset();
            viewLock.writeLock().lock();
            try {
                tables.clear();
            } finally {
                viewLock.writeLock().unlock();
            }
        } finally {
            writerLock.unlock();
        }
        persistence.awaitDurable(seq);
        notifyListeners(new CommitEvent(tables.registeredNames(), true));
    }

    /**
     * Writes a snapshot now and deletes the log it covers; normally the store does this in the
     * background when the log grows past {@link StoreOptions#snapshotAfterLogBytes()}.
     */
    public void checkpoint() {
        checkOutsideTx("checkpoint");
        checkOpen();
        persistence.checkpoint();
    }

    @Override
    public void addCommitListener(Consumer<CommitEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Syncs what is pending, stops the background threads and releases the data directory. */
    @Override
    public void close() {
        checkOutsideTx("close");
        writerLock.lock();
        try {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
        } finally {
            writerLock.unlock();
        }
        persistence.close();
    }

    private void notifyListeners(CommitEvent event) {
        for (Consumer<CommitEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException | AssertionError e) {
                // The commit is durable already; a failing listener must not make it look failed.
                LOG.log(System.Logger.Level.WARNING, "a commit listener failed on " + event, e);
            }
        }
    }

    private void checkOpen() {
        State current = state;
        if (current != State.OPEN) {
            throw new IllegalStateException(description + (current == State.NEW
                    ? " is not open yet; call open() after registering the tables" : " is closed"));
        }
    }

    private void checkOutsideTx(String operation) {
        if (currentTx.get() != null) {
            throw new IllegalStateException("Store." + operation + " cannot be called inside a transaction");
        }
    }

    @Override
    public String toString() {
        return "EmbeddedStore[" + description + "]";
    }
}
