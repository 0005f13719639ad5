package io.kumo.rds.event;

import io.kumo.core.Ids;
import io.kumo.core.store.Tx;

import java.time.Instant;
import java.util.List;

/**
 * Appends RDS events. Handlers record what the API itself does; the runtime records what happens
 * to servers (available, failover, reboot finished, ...). Use RDS's own messages and categories
 * so that clients filtering on them behave as with AWS.
 */
public final class Events {
    public static final String INSTANCE = "db-instance";
    public static final String PARAMETER_GROUP = "db-parameter-group";
    public static final String SNAPSHOT = "db-snapshot";
    /** Events are kept 14 days, as RDS keeps them. */
    static final long KEPT_DAYS = 14;

    private Events() {
    }

    public static void record(Tx tx, Instant at, String sourceType, String sourceIdentifier, String sourceArn, String message,
                              String... categories) {
        // time first, then randomness: the id order is the order events happened
        String id = String.format("%019d-%s", at.toEpochMilli() * 1000 + at.getNano() / 1000 % 1000, Ids.hex(8));
        tx.put(EventRecord.TABLE, id, new EventRecord(id, sourceIdentifier, sourceType, sourceArn, message, List.of(categories), at));
        forgetOld(tx, at);
    }

    private static void forgetOld(Tx tx, Instant now) {
        Instant oldest = now.minusSeconds(KEPT_DAYS * 86_400);
        for (EventRecord e : tx.list(EventRecord.TABLE)) {
            if (!e.date().isBefore(oldest)) {
                return;
            }
            tx.delete(EventRecord.TABLE, e.id());
        }
    }
}
