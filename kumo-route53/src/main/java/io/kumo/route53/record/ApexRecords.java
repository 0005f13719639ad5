package io.kumo.route53.record;

import java.util.List;

/**
 * The records every new zone starts with: an SOA naming Kumo's first name server, and NS records
 * for Kumo's delegation set. The TTLs are AWS's defaults (SOA 900 s, NS 172800 s).
 */
public final class ApexRecords {
    /** Kumo's name servers, under a domain Kumo owns; .localhost names resolve to the loopback, where Kumo's DNS server listens. */
    public static final List<String> NAME_SERVERS = List.of("ns-1.kumo.localhost", "ns-2.kumo.localhost", "ns-3.kumo.localhost",
            "ns-4.kumo.localhost");
    static final long SOA_TTL = 900;
    static final long NS_TTL = 172800;

    private ApexRecords() {
    }

    public static List<RecordSet> initial(String zoneName) {
        return List.of(
                RecordSet.simple(zoneName, "NS", NS_TTL, NAME_SERVERS.stream().map(ns -> ns + ".").toList()),
                RecordSet.simple(zoneName, "SOA", SOA_TTL,
                        List.of(NAME_SERVERS.getFirst() + ". hostmaster.kumo.localhost. 1 7200 900 1209600 86400")));
    }

    /** Whether the zone holds nothing but what it started with (apex SOA and NS), so it may be deleted. */
    public static boolean onlyApex(List<RecordSet> sets, String zoneName) {
        return sets.stream().allMatch(s -> s.name().equals(zoneName) && (s.type().equals("SOA") || s.type().equals("NS"))
                && s.setIdentifier() == null);
    }
}
