package io.kumo.rds.event;

import io.kumo.core.store.Table;

import java.time.Instant;
import java.util.List;

/**
 * One RDS event, as DescribeEvents shows it. Keyed so that the table's id order is time order.
 *
 * @param sourceType  RDS's SourceType: db-instance, db-parameter-group, db-snapshot, ...
 * @param categories  RDS's EventCategories: creation, deletion, availability, failover, ...
 */
public record EventRecord(String id, String sourceIdentifier, String sourceType, String sourceArn, String message,
                          List<String> categories, Instant date) {

    public static final Table<EventRecord> TABLE = Table.regional("rds.events", EventRecord.class);

    public EventRecord {
        categories = List.copyOf(categories);
    }
}
