package io.kumo.fabric;

/** A host operation failed: a command exited non-zero, timed out, or a system call was refused. */
public final class FabricException extends RuntimeException {
    public FabricException(String message) {
        super(message);
    }

    public FabricException(String message, Throwable cause) {
        super(message, cause);
    }
}
