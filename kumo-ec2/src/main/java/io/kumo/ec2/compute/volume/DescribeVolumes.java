package io.kumo.ec2.compute.volume;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeErrors;
import io.kumo.ec2.support.Pages;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesResponse;

import java.util.LinkedHashSet;
import java.util.List;

/** DescribeVolumes with EC2's filters and pagination (MaxResults 5 to 500). */
public final class DescribeVolumes implements Handler<DescribeVolumesRequest, DescribeVolumesResponse> {

    @Override
    public DescribeVolumesResponse handle(RequestContext ctx, DescribeVolumesRequest in) {
        if (!in.volumeIds().isEmpty() && in.maxResults() != null) {
            throw ComputeErrors.maxResultsWithIds("volumeSet");
        }
        var predicate = Volumes.FILTERS.compile(in.filters());
        return ctx.read(tx -> {
            List<VolumeRecord> volumes;
            if (in.volumeIds().isEmpty()) {
                volumes = tx.list(VolumeRecord.TABLE);
            } else {
                volumes = new LinkedHashSet<>(in.volumeIds()).stream().map(id -> VolumeLookup.require(tx, id))
                        .sorted((a, b) -> a.volumeId().compareTo(b.volumeId())).toList();
            }
            var described = volumes.stream().map(v -> Volumes.Described.of(tx, v)).filter(predicate).toList();
            // EC2 returns at most 500 volumes a page and treats a larger MaxResults as 500 (the CLI asks for 1000).
            Integer maxResults = in.maxResults() == null ? null : Math.min(in.maxResults(), 500);
            var page = Pages.of(described, maxResults, in.nextToken(), 5, 500, d -> d.volume().volumeId());
            return DescribeVolumesResponse.builder()
                    .volumes(page.items().stream().map(Volumes::toSdk).toList())
                    .nextToken(page.nextToken())
                    .build();
        });
    }
}
