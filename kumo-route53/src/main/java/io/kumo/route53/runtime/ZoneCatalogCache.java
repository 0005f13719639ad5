package io.kumo.route53.runtime;

import io.kumo.core.store.Store;
import io.kumo.core.store.StoreScope;

import java.util.Set;

/**
 * The catalog the DNS server answers from, read again on the first query after a commit that touched Route 53's
 * tables. The store calls its commit listeners before the API call returns, so a change is served from the next query
 * on: GetChange's INSYNC (half a second later) never precedes it.
 */
final class ZoneCatalogCache {
    private static final Set<String> WATCHED = Set.of("route53.hostedZones", "route53.recordSets", "route53.healthCheckStatus");

    private final Store store;
    private volatile boolean stale = true;
    private volatile ZoneCatalog current = ZoneCatalog.EMPTY;

    ZoneCatalogCache(Store store) {
        this.store = store;
        store.addCommitListener(event -> {
            if (event.reset() || event.tables().stream().anyMatch(WATCHED::contains)) {
                stale = true;
            }
        });
    }

    ZoneCatalog get() {
        if (stale) {
            synchronized (this) {
                if (stale) {
                    // cleared before reading, so a commit during the read marks it stale again
                    stale = false;
                    try {
                        current = store.read(StoreScope.GLOBAL, ZoneCatalog::read);
                    } catch (RuntimeException e) {
                        stale = true;
                        throw e;
                    }
                }
            }
        }
        return current;
    }
}
