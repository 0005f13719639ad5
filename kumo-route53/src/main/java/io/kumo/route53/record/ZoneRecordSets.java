package io.kumo.route53.record;

import io.kumo.core.store.Table;
import io.kumo.core.store.Tx;

import java.util.List;

/**
 * Every record set of one hosted zone, in {@link RecordOrder}, stored as one value: a change
 * batch replaces it whole (atomic per batch), and the DNS server reads a zone with one lookup.
 */
public record ZoneRecordSets(String zoneId, List<RecordSet> sets) {

    public static final Table<ZoneRecordSets> TABLE = Table.account("route53.recordSets", ZoneRecordSets.class);

    public ZoneRecordSets {
        sets = sets.stream().sorted(RecordOrder.SETS).toList();
    }

    /** The zone's sets; a zone stored before Kumo kept record sets has its apex records only. */
    public static List<RecordSet> of(Tx tx, String zoneId, String zoneName) {
        return tx.get(TABLE, zoneId).map(ZoneRecordSets::sets).orElseGet(() -> ApexRecords.initial(zoneName));
    }

    public static void save(Tx tx, String zoneId, List<RecordSet> sets) {
        tx.put(TABLE, zoneId, new ZoneRecordSets(zoneId, sets));
    }
}
