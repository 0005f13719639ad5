package io.kumo.ec2.compute.instance;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeErrors;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.support.Pages;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Reservation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DescribeInstances: instances grouped by reservation, with filters and pagination over instances. */
public final class DescribeInstances implements Handler<DescribeInstancesRequest, DescribeInstancesResponse> {

    @Override
    public DescribeInstancesResponse handle(RequestContext ctx, DescribeInstancesRequest in) {
        if (!in.instanceIds().isEmpty() && in.maxResults() != null) {
            throw ComputeErrors.maxResultsWithIds("instancesSet");
        }
        var predicate = Instances.FILTERS.compile(in.filters());
        return ctx.read(tx -> {
            List<InstanceRecord> instances = Lookups.selected(tx, ComputeKinds.INSTANCE, InstanceRecord.TABLE, in.instanceIds(),
                    InstanceRecord::instanceId);
            List<InstanceView> views = InstanceView.load(tx, instances).stream().filter(predicate).toList();
            var page = Pages.of(views, in.maxResults(), in.nextToken(), 5, 1000, v -> v.instance().instanceId());
            Map<String, List<InstanceView>> byReservation = new LinkedHashMap<>();
            for (InstanceView v : page.items()) {
                byReservation.computeIfAbsent(v.instance().reservationId(), k -> new ArrayList<>()).add(v);
            }
            List<Reservation> reservations = new ArrayList<>();
            byReservation.forEach((id, members) -> reservations.add(Reservation.builder()
                    .reservationId(id)
                    .ownerId(members.getFirst().instance().ownerId())
                    .groups(List.of())
                    .instances(members.stream().map(Instances::described).toList())
                    .build()));
            return DescribeInstancesResponse.builder().reservations(reservations).nextToken(page.nextToken()).build();
        });
    }
}
