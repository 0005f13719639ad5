package io.kumo.rds.runtime.engine;

/**
 * The server process ended before it accepted connections: a configuration it cannot run with
 * (its log, quoted in the message, says which), rather than a slow machine or a busy port.
 */
public final class ServerExitedAtStart extends EngineException {
    public ServerExitedAtStart(String message) {
        super(message);
    }
}
