package io.kumo.fabric.relay;

import java.io.IOException;

/** A failed system call, with its errno for callers that tell failures apart. */
final class ErrnoException extends IOException {
    private final int errno;

    ErrnoException(String call, int errno) {
        super(call + " failed: errno " + errno);
        this.errno = errno;
    }

    int errno() {
        return errno;
    }
}
