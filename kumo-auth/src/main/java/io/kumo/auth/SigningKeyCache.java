package io.kumo.auth;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Derived signing keys by (secret, date, region, service). Deriving costs four HMACs; a busy
 * client reuses one key all day, so nearly every request is a hit.
 */
public final class SigningKeyCache {
    public static final int DEFAULT_MAX_ENTRIES = 4096;

    private final int maxEntries;
    private final ConcurrentHashMap<Entry, SigningKey> keys = new ConcurrentHashMap<>();

    public SigningKeyCache() {
        this(DEFAULT_MAX_ENTRIES);
    }

    public SigningKeyCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    public SigningKey get(String secretKey, String date, String region, String service) {
        Entry entry = new Entry(secretKey, date, region, service);
        SigningKey key = keys.get(entry);
        if (key != null) {
            return key;
        }
        // Entries only go stale when the date rolls over, so dropping everything at the bound is
        // cheaper than tracking recency and costs one re-derivation per live key.
        if (keys.size() >= maxEntries) {
            keys.clear();
        }
        return keys.computeIfAbsent(entry, e -> SigningKey.derive(e.secretKey, e.date, e.region, e.service));
    }

    public int size() {
        return keys.size();
    }

    private record Entry(String secretKey, String date, String region, String service) {
        @Override
        public String toString() {
            return date + "/" + region + "/" + service;
        }
    }
}
