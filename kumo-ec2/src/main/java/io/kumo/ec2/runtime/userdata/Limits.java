package io.kumo.ec2.runtime.userdata;

/** Bounds that keep a hostile or mistaken user data from costing Kumo unbounded memory or time. */
final class Limits {
    /** The most bytes any decompression may produce: AWS's 16 KB of user data rarely needs more. */
    static final int MAX_DECOMPRESSED_BYTES = 1 << 20;
    /** The largest generated script; write_files content can grow through gzip and base64 on the way. */
    static final int MAX_SCRIPT_CHARS = 4 << 20;
    /** MIME parts and nesting: cloud-init has no limit, but real archives have a handful of flat parts. */
    static final int MAX_MIME_PARTS = 100;
    static final int MAX_MIME_DEPTH = 8;

    private Limits() {
    }

    /** Raised when something would pass one of these bounds; the message says which, for the console. */
    static final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message, null, false, false);
        }
    }
}
