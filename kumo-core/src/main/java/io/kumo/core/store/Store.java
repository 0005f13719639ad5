package io.kumo.core.store;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Durable, transactional state. A write transaction is all or nothing: if its function throws,
 * nothing of it is kept; once {@link #write} returns, the change survives a kill -9.
 */
public interface Store extends AutoCloseable {

    /** Declares a table, so values can be read back after a restart. Call before {@link #open}. */
    void register(Table<?> table);

    /** Recovers the durable state. */
    void open();

    <T> T read(StoreScope scope, Function<Tx, T> work);

    <T> T write(StoreScope scope, Function<Tx, T> work);

    /** Wipes everything, durably. */
    void reset();

    /** Called after each commit, outside the transaction, with the names of the tables touched. */
    void addCommitListener(Consumer<CommitEvent> listener);

    @Override
    void close();

    record CommitEvent(java.util.Set<String> tables, boolean reset) {
    }
}
