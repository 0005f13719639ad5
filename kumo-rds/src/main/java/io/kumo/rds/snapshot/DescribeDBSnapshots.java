package io.kumo.rds.snapshot;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.rds.support.Filters;
import io.kumo.rds.support.Pages;
import io.kumo.rds.support.RdsErrors;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsResponse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * DescribeDBSnapshots: one by identifier (which must exist), or all, narrowed by
 * DBInstanceIdentifier, SnapshotType (manual or automated; shared and public snapshots Kumo has
 * none of) and Filters.
 */
final class DescribeDBSnapshots implements Handler<DescribeDbSnapshotsRequest, DescribeDbSnapshotsResponse> {
    private static final Set<String> TYPES = Set.of("manual", "automated", "shared", "public", "awsbackup");
    private static final Map<String, Function<DbSnapshotRecord, Set<String>>> FILTERS = Map.of(
            "db-instance-id", s -> Set.of(s.instanceIdentifier()),
            "db-snapshot-id", s -> Set.of(s.identifier(), s.arn()),
            "dbi-resource-id", s -> Set.of(s.sourceResourceId()),
            "snapshot-type", s -> Set.of(s.snapshotType()),
            "engine", s -> Set.of(s.source().engine()));

    @Override
    public DescribeDbSnapshotsResponse handle(RequestContext ctx, DescribeDbSnapshotsRequest in) {
        String type = in.snapshotType();
        if (type != null && !TYPES.contains(type)) {
            throw RdsErrors.invalidValue("Invalid snapshot type: " + type);
        }
        Predicate<DbSnapshotRecord> filter = Filters.of(in.filters(), FILTERS);
        Pages.Page<DBSnapshot> page = ctx.read(tx -> {
            List<DbSnapshotRecord> chosen = in.dbSnapshotIdentifier() != null
                    ? List.of(Snapshots.require(tx, in.dbSnapshotIdentifier()))
                    : tx.list(DbSnapshotRecord.TABLE);
            List<DbSnapshotRecord> kept = chosen.stream()
                    .filter(s -> in.dbInstanceIdentifier() == null || s.instanceIdentifier().equalsIgnoreCase(in.dbInstanceIdentifier()))
                    .filter(s -> type == null || s.snapshotType().equals(type))
                    .filter(filter)
                    .toList();
            Pages.Page<DbSnapshotRecord> records = Pages.of(kept, in.marker(), in.maxRecords());
            return new Pages.Page<>(records.items().stream().map(s -> Snapshots.toSdk(tx, s)).toList(), records.marker());
        });
        return DescribeDbSnapshotsResponse.builder().dbSnapshots(page.items()).marker(page.marker()).build();
    }
}
