package io.kumo.rds.runtime;

import io.kumo.core.dns.GeneratedNames;
import io.kumo.rds.support.EndpointNames;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DB endpoints for the VPC resolvers: each endpoint name answers, in its own VPC only, with the
 * current primary's private address. The runtime changes an entry the moment a standby is
 * promoted, before anything is written to the store, so clients that look the name up again
 * reach the new primary at once; the 5-second TTL is RDS's own for endpoint records.
 */
final class EndpointDirectory implements GeneratedNames.Source {
    private record Entry(String vpcId, String ip) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    void publish(String address, String vpcId, String ip) {
        entries.put(GeneratedNames.normalize(address), new Entry(vpcId, ip));
    }

    void withdraw(String address) {
        entries.remove(GeneratedNames.normalize(address));
    }

    @Override
    public Set<String> domains() {
        return Set.of(EndpointNames.DOMAIN);
    }

    @Override
    public List<String> addresses(String vpcId, String name) {
        Entry e = entries.get(name);
        return e == null || !e.vpcId().equals(vpcId) ? List.of() : List.of(e.ip());
    }

    @Override
    public long ttlSeconds() {
        return 5;
    }
}
