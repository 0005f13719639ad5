package io.kumo.core;

import io.kumo.core.store.Store;
import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Tx;

import java.time.Instant;
import java.util.function.Function;

/** Everything a handler knows about the request besides its input. */
public record RequestContext(
        String requestId,
        Principal principal,
        String region,
        String service,
        String operation,
        Instant receivedAt,
        Store store) {

    public String accountId() {
        return principal.accountId();
    }

    public StoreScope scope() {
        return new StoreScope(accountId(), region);
    }

    public <T> T read(Function<Tx, T> work) {
        return store.read(scope(), work);
    }

    public <T> T write(Function<Tx, T> work) {
        return store.write(scope(), work);
    }
}
