package io.kumo.rds.runtime.engine;

/** Anything that went wrong while preparing, running or administering a database server. */
public class EngineException extends RuntimeException {
    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
