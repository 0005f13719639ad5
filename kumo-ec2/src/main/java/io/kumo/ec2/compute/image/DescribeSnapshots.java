package io.kumo.ec2.compute.image;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeErrors;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.support.Filters;
import io.kumo.ec2.support.Pages;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsResponse;
import software.amazon.awssdk.services.ec2.model.Snapshot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** DescribeSnapshots: the snapshots behind the catalogue images and the account's own. */
public final class DescribeSnapshots implements Handler<DescribeSnapshotsRequest, DescribeSnapshotsResponse> {

    private record Described(SnapshotRecord snapshot, Map<String, String> tags) {
    }

    private static final Filters<Described> FILTERS = Filters.<Described>forType(Described::tags)
            .one("snapshot-id", d -> d.snapshot().snapshotId())
            .one("volume-id", d -> d.snapshot().volumeId())
            .one("volume-size", d -> d.snapshot().volumeSize())
            .one("owner-id", d -> d.snapshot().ownerId())
            .one("owner-alias", d -> d.snapshot().ownerAlias())
            .one("status", d -> d.snapshot().state())
            .one("progress", d -> d.snapshot().progress())
            .one("description", d -> d.snapshot().description())
            .one("start-time", d -> d.snapshot().startTime())
            .one("encrypted", d -> d.snapshot().encrypted())
            .one("storage-tier", d -> "standard");

    @Override
    public DescribeSnapshotsResponse handle(RequestContext ctx, DescribeSnapshotsRequest in) {
        if (!in.snapshotIds().isEmpty() && in.maxResults() != null) {
            throw ComputeErrors.maxResultsWithIds("snapshotSet");
        }
        var predicate = FILTERS.compile(in.filters());
        return ctx.read(tx -> {
            List<SnapshotRecord> all = new ArrayList<>(ImageCatalogue.snapshots(tx.scope().region()));
            all.addAll(tx.list(SnapshotRecord.TABLE));
            all.sort((a, b) -> a.snapshotId().compareTo(b.snapshotId()));
            List<SnapshotRecord> candidates = all;
            if (!in.snapshotIds().isEmpty()) {
                LinkedHashSet<String> ids = new LinkedHashSet<>(in.snapshotIds());
                ids.forEach(ComputeKinds.SNAPSHOT::check);
                for (String id : ids) {
                    if (all.stream().noneMatch(s -> s.snapshotId().equals(id))) {
                        throw ComputeErrors.snapshotNotFound(id);
                    }
                }
                candidates = all.stream().filter(s -> ids.contains(s.snapshotId())).toList();
            }
            String account = tx.scope().account();
            List<Described> selected = candidates.stream()
                    .filter(s -> in.ownerIds().isEmpty() || in.ownerIds().stream().anyMatch(o -> switch (o) {
                        case "self" -> s.ownerId().equals(account);
                        case "amazon" -> "amazon".equals(s.ownerAlias());
                        default -> s.ownerId().equals(o);
                    }))
                    .filter(s -> in.restorableByUserIds().isEmpty()
                            || "amazon".equals(s.ownerAlias()) || in.restorableByUserIds().contains(s.ownerId()))
                    .map(s -> new Described(s, Tags.of(tx, s.snapshotId())))
                    .filter(predicate)
                    .toList();
            var page = Pages.of(selected, in.maxResults(), in.nextToken(), 5, 1000, d -> d.snapshot().snapshotId());
            return DescribeSnapshotsResponse.builder()
                    .snapshots(page.items().stream().map(DescribeSnapshots::toSdk).toList())
                    .nextToken(page.nextToken())
                    .build();
        });
    }

    private static Snapshot toSdk(Described d) {
        SnapshotRecord s = d.snapshot();
        return Snapshot.builder()
                .snapshotId(s.snapshotId())
                .volumeId(s.volumeId())
                .volumeSize(s.volumeSize())
                .description(s.description())
                .ownerId(s.ownerId())
                .ownerAlias(s.ownerAlias())
                .startTime(s.startTime())
                .state(s.state())
                .progress(s.progress())
                .encrypted(s.encrypted())
                .storageTier("standard")
                .tags(Tags.toSdk(d.tags()))
                .build();
    }
}
