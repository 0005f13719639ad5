package io.kumo.fabric.relay;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * One accepted connection carried on to its target: dial, then a pump per direction, then close
 * both sockets. The sockets are closed only after both pumps have returned, so that no pump ever
 * uses a descriptor number the process has already reused; a failing pump only shuts both
 * sockets down, which wakes the other one.
 */
final class RelayedConnection {
    private final NativeSocket client;
    private final TcpRelay.Dialer dialer;
    private final ExecutorService threads;
    private volatile boolean failed;

    RelayedConnection(NativeSocket client, TcpRelay.Dialer dialer, ExecutorService threads) {
        this.client = client;
        this.dialer = dialer;
        this.threads = threads;
    }

    /** Runs the whole connection on the calling platform thread, plus one pooled thread for the way back. */
    void run() {
        NativeSocket inner;
        try {
            inner = dialer.dial();
        } catch (IOException | RuntimeException e) {
            // A dropped SYN or a refused port: the client learns it as it would on a direct connection.
            client.reset();
            return;
        }
        try {
            relay(inner);
        } finally {
            if (failed) {
                // A reset on one side is passed on as a reset, not as a clean end of stream.
                client.reset();
                inner.reset();
            } else {
                client.close();
                inner.close();
            }
        }
    }

    private void relay(NativeSocket inner) {
        try (SplicePump forward = SplicePump.open(); SplicePump back = SplicePump.open()) {
            client.noDelay();
            inner.noDelay();
            Future<?> backwards = threads.submit(() -> pump(back, inner, client));
            pump(forward, client, inner);
            awaitEnd(backwards, inner);
        } catch (IOException | RejectedExecutionException e) {
            failed = true;
        }
    }

    private void pump(SplicePump pump, NativeSocket from, NativeSocket to) {
        try {
            pump.run(from, to);
        } catch (IOException | RuntimeException e) {
            failed = true;
            from.shutdown();
            to.shutdown();
        }
    }

    /** The sockets may not close before the other pump is done with them, even when this thread is interrupted. */
    private void awaitEnd(Future<?> pump, NativeSocket inner) {
        boolean interrupted = false;
        while (true) {
            try {
                pump.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                failed = true;
                client.shutdown();
                inner.shutdown();
            } catch (ExecutionException e) {
                failed = true;
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
