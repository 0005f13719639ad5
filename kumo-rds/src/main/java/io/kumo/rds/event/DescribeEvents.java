package io.kumo.rds.event;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.rds.support.Pages;
import io.kumo.rds.support.RdsErrors;
import software.amazon.awssdk.services.rds.model.DescribeEventsRequest;
import software.amazon.awssdk.services.rds.model.DescribeEventsResponse;
import software.amazon.awssdk.services.rds.model.Event;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * DescribeEvents: the last hour by default (Duration in minutes, or StartTime/EndTime), oldest
 * first, narrowed by SourceType, SourceIdentifier (which needs SourceType, as RDS insists) and
 * EventCategories.
 */
final class DescribeEvents implements Handler<DescribeEventsRequest, DescribeEventsResponse> {
    private static final Set<String> SOURCE_TYPES = Set.of("db-instance", "db-parameter-group", "db-security-group", "db-snapshot",
            "db-cluster", "db-cluster-snapshot", "custom-engine-version", "db-proxy", "blue-green-deployment", "db-shard-group", "zero-etl");

    @Override
    public DescribeEventsResponse handle(RequestContext ctx, DescribeEventsRequest in) {
        String type = in.sourceTypeAsString();
        if (type != null && !SOURCE_TYPES.contains(type)) {
            throw RdsErrors.invalidValue("Invalid value for SourceType: " + type);
        }
        if (in.sourceIdentifier() != null && type == null) {
            throw RdsErrors.invalidCombination("SourceType is required when SourceIdentifier is given.");
        }
        Instant end = in.endTime() != null ? in.endTime() : ctx.receivedAt();
        Instant start = start(in, end);
        List<EventRecord> chosen = ctx.read(tx -> tx.list(EventRecord.TABLE)).stream()
                .filter(e -> !e.date().isBefore(start) && !e.date().isAfter(end))
                .filter(e -> type == null || e.sourceType().equals(type))
                .filter(e -> in.sourceIdentifier() == null || e.sourceIdentifier().equalsIgnoreCase(in.sourceIdentifier()))
                .filter(e -> !in.hasEventCategories() || e.categories().stream().anyMatch(in.eventCategories()::contains))
                .toList();
        Pages.Page<EventRecord> page = Pages.of(chosen, in.marker(), in.maxRecords());
        return DescribeEventsResponse.builder().events(page.items().stream().map(DescribeEvents::toSdk).toList()).marker(page.marker()).build();
    }

    private static Instant start(DescribeEventsRequest in, Instant end) {
        if (in.startTime() != null) {
            return in.startTime();
        }
        int minutes = in.duration() == null ? 60 : in.duration();
        if (minutes < 0 || minutes > Events.KEPT_DAYS * 24 * 60) {
            throw RdsErrors.invalidValue("Duration must be between 0 and " + Events.KEPT_DAYS * 24 * 60 + " minutes.");
        }
        return end.minusSeconds(minutes * 60L);
    }

    private static Event toSdk(EventRecord e) {
        return Event.builder().sourceIdentifier(e.sourceIdentifier()).sourceType(e.sourceType()).sourceArn(e.sourceArn())
                .message(e.message()).eventCategories(e.categories()).date(e.date()).build();
    }
}
