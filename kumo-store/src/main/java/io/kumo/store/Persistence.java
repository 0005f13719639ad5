package io.kumo.store;

import java.util.List;

/**
 * Where committed transactions go besides memory. {@link #open}, {@link #append} and
 * {@link #appendReset} are called under the store's writer lock, {@link #awaitDurable} outside it.
 */
interface Persistence {

    /** Recovers the tables from disk. */
    void open(Tables tables);

    /** Logs a transaction and returns its sequence number; it is not durable yet. */
    long append(List<WriteOp> ops);

    /** Logs a wipe of everything and returns its sequence number. */
    long appendReset();

    /** Returns once the record with this sequence number, and all before it, is durable. */
    void awaitDurable(long seq);

    /** Snapshots the current state now and drops the log it covers. */
    void checkpoint();

    void close();

    /** Keeps nothing: the state lives as long as the process. */
    final class None implements Persistence {

        private long lastSeq;

        @Override
        public void open(Tables tables) {
        }

        @Override
        public long append(List<WriteOp> ops) {
            return ++lastSeq;
        }

        @Override
        public long appendReset() {
            return ++lastSeq;
        }

        @Override
        public void awaitDurable(long seq) {
        }

        @Override
        public void checkpoint() {
        }

        @Override
        public void close() {
        }
    }
}
