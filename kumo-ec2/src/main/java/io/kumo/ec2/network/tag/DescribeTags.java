package io.kumo.ec2.network.tag;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.support.Filters;
import io.kumo.ec2.support.Pages;
import io.kumo.ec2.support.ResourceTags;
import software.amazon.awssdk.services.ec2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.ec2.model.TagDescription;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Every tag of the region, one row per resource and key, ordered by resource then key. */
public final class DescribeTags implements Handler<DescribeTagsRequest, DescribeTagsResponse> {

    private record Row(String resourceId, String resourceType, String key, String value, Map<String, String> all) {
        String id() {
            return resourceId + '\u0001' + key;
        }
    }

    private static final Filters<Row> FILTERS = Filters.<Row>forType(Row::all)
            .one("key", Row::key)
            .one("value", Row::value)
            .one("resource-id", Row::resourceId)
            .one("resource-type", Row::resourceType);

    @Override
    public DescribeTagsResponse handle(RequestContext ctx, DescribeTagsRequest in) {
        return ctx.read(tx -> {
            List<Row> rows = tx.list(ResourceTags.TABLE).stream()
                    .flatMap(t -> t.tags().entrySet().stream()
                            .map(e -> new Row(t.resourceId(), t.resourceType(), e.getKey(), e.getValue(), t.tags())))
                    .sorted(Comparator.comparing(Row::id))
                    .toList();
            Pages.Page<Row> page = Pages.of(FILTERS.apply(rows, in.filters()), in.maxResults(), in.nextToken(), 5, 1000, Row::id);
            return DescribeTagsResponse.builder()
                    .tags(page.items().stream().map(r -> TagDescription.builder()
                            .resourceId(r.resourceId()).resourceType(r.resourceType()).key(r.key()).value(r.value()).build()).toList())
                    .nextToken(page.nextToken())
                    .build();
        });
    }
}
