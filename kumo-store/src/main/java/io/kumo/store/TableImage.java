package io.kumo.store;

/** The entries of one table at the moment a snapshot was taken; values are immutable. */
record TableImage(String name, String[] keys, Object[] values) {
}
