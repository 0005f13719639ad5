package io.kumo.core.service;

/**
 * Runs beside the request path and makes what runs match what the store says. Started once the
 * store is open; it must re-converge from the stored state alone after a restart.
 */
public interface Controller extends AutoCloseable {
    String name();

    void start();

    @Override
    void close();
}
