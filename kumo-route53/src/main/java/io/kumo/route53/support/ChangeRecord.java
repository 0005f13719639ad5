package io.kumo.route53.support;

import io.kumo.core.Ids;
import io.kumo.core.store.Table;
import io.kumo.core.store.Tx;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.ChangeStatus;

import java.time.Duration;
import java.time.Instant;

/**
 * A submitted change (a record batch, a zone created or deleted, a VPC associated), for GetChange.
 * Its status is derived from time: PENDING until {@link #SETTLE} has passed, then INSYNC. Kumo's
 * DNS server reads the store directly, so by then every Kumo name server serves the change.
 */
public record ChangeRecord(String id, Instant submittedAt, String comment) {

    public static final Table<ChangeRecord> TABLE = Table.account("route53.changes", ChangeRecord.class);
    public static final Duration SETTLE = Duration.ofMillis(500);

    /** Records a new change in the transaction and answers its ChangeInfo, PENDING as AWS answers at first. */
    public static ChangeInfo submit(Tx tx, Instant at, String comment) {
        ChangeRecord change = new ChangeRecord("C" + Ids.upperAlnum(20), at, comment);
        tx.put(TABLE, change.id(), change);
        return change.toSdk(at);
    }

    public static String bareId(String id) {
        return id.startsWith("/change/") ? id.substring("/change/".length()) : id;
    }

    public ChangeInfo toSdk(Instant now) {
        ChangeInfo.Builder info = ChangeInfo.builder().id("/change/" + id).submittedAt(submittedAt)
                .status(now.isBefore(submittedAt.plus(SETTLE)) ? ChangeStatus.PENDING : ChangeStatus.INSYNC);
        if (comment != null) {
            info.comment(comment);
        }
        return info.build();
    }
}
