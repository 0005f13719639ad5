package io.kumo.rds.event;

import io.kumo.core.service.ServiceBinder;
import software.amazon.awssdk.services.rds.model.DescribeEventsRequest;

/** DescribeEvents, and the table every area appends to through {@link Events}. */
public final class EventActions {

    private EventActions() {
    }

    public static void register(ServiceBinder binder) {
        binder.table(EventRecord.TABLE);
        binder.operation("DescribeEvents", DescribeEventsRequest.class, new DescribeEvents());
    }
}
