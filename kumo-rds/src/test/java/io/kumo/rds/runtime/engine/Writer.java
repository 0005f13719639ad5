package io.kumo.rds.runtime.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client writing rows with autocommit, one at a time, remembering each commit the server
 * acknowledged. It stops at its first error (the server went away) or when told to.
 */
final class Writer implements AutoCloseable {
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    private final ConcurrentLinkedQueue<Integer> acknowledged = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean stop;
    private volatile long failedAtNanos;
    private volatile String error;

    Writer(ServerSpec spec, String user, String password, String table, int maxRows) {
        thread = Thread.ofPlatform().name("writer").start(() -> {
            try (Connection c = Jdbc.connect(spec, user, password, "appdb");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (id) VALUES (?)")) {
                for (int n = 0; n < maxRows && !stop; n++) {
                    int id = NEXT_ID.incrementAndGet();
                    insert.setInt(1, id);
                    insert.executeUpdate();
                    acknowledged.add(id);
                }
            } catch (SQLException e) {
                failedAtNanos = System.nanoTime();
                error = e.getMessage();
            }
        });
    }

    List<Integer> acknowledged() {
        return List.copyOf(acknowledged);
    }

    long failedAtNanos() {
        return failedAtNanos;
    }

    String error() {
        return error;
    }

    void awaitEnd() throws InterruptedException {
        thread.join(60_000);
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        awaitEnd();
    }
}
