package io.kumo.core.store;

/** The account and region a transaction works in. Region is ignored by account-wide tables. */
public record StoreScope(String account, String region) {
    public static final StoreScope GLOBAL = new StoreScope("", "");
}
