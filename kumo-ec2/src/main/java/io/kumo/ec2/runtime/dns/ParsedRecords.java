package io.kumo.ec2.runtime.dns;

import io.kumo.core.dns.HostedZoneAnswers.TextRecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hosted-zone records as dnsjava records, remembered by their text. dnsjava's master-file parser allocates an 8 KiB
 * stream buffer per record, which made parsing the largest cost of a query under load; a zone's records come back
 * identical query after query, and dnsjava records are immutable, so one parse serves every answer.
 */
final class ParsedRecords {
    /** Enough for every record of many zones; beyond it the cache starts over, so memory stays bounded. */
    static final int LIMIT = 20_000;

    private final Map<TextRecord, Record> parsed = new ConcurrentHashMap<>();

    /** The record, or an exception for a value dnsjava cannot read (not remembered: each query reports it again). */
    Record parse(TextRecord text) throws IOException {
        Record known = parsed.get(text);
        if (known != null) {
            return known;
        }
        Record record = Record.fromString(Name.fromString(text.name(), Name.root), Type.value(text.type()), DClass.IN, text.ttl(),
                text.data(), Name.root);
        if (parsed.size() >= LIMIT) {
            parsed.clear();
        }
        parsed.put(text, record);
        return record;
    }
}
