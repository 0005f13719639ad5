package io.kumo.route53.health;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.route53.support.MaxItems;
import software.amazon.awssdk.services.route53.model.ListHealthChecksRequest;
import software.amazon.awssdk.services.route53.model.ListHealthChecksResponse;

import java.util.List;

/** Lists health checks in id order, MaxItems at a time (default and maximum 1000), with Marker paging. */
final class ListHealthChecks implements Handler<ListHealthChecksRequest, ListHealthChecksResponse> {

    @Override
    public ListHealthChecksResponse handle(RequestContext ctx, ListHealthChecksRequest in) {
        int max = MaxItems.parse(in.maxItems(), 1000);
        List<HealthCheckRecord> all = ctx.read(tx -> tx.list(HealthCheckRecord.TABLE));
        List<HealthCheckRecord> from = in.marker() == null ? all : all.stream().filter(h -> h.id().compareTo(in.marker()) >= 0).toList();
        boolean truncated = from.size() > max;
        ListHealthChecksResponse.Builder out = ListHealthChecksResponse.builder()
                .healthChecks(from.subList(0, Math.min(max, from.size())).stream().map(HealthCheckRecord::toSdk).toList())
                .isTruncated(truncated).maxItems(String.valueOf(max)).marker(in.marker() == null ? "" : in.marker());
        if (truncated) {
            out.nextMarker(from.get(max).id());
        }
        return out.build();
    }
}
