package io.kumo.store;

/**
 * The value of a table no module registered (for example a module that was removed). Kept as the
 * exact bytes that were logged so it survives snapshots unchanged and can be read again if the
 * module comes back.
 */
record RawJson(byte[] json) {
}
