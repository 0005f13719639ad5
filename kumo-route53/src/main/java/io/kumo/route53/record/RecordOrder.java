package io.kumo.route53.record;

import io.kumo.route53.support.DnsNames;

import java.util.Comparator;

/** ListResourceRecordSets' order: names with labels reversed, compared as ASCII; then type; then set identifier. */
public final class RecordOrder {
    public static final Comparator<RecordSet.Key> KEYS = Comparator
            .comparing((RecordSet.Key k) -> DnsNames.sortKey(k.name()))
            .thenComparing(RecordSet.Key::type)
            .thenComparing(RecordSet.Key::setIdentifier, Comparator.nullsFirst(Comparator.naturalOrder()));
    public static final Comparator<RecordSet> SETS = Comparator.comparing(RecordSet::key, KEYS);

    private RecordOrder() {
    }
}
