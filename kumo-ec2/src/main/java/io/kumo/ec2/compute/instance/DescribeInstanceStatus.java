package io.kumo.ec2.compute.instance;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeErrors;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.support.Filters;
import io.kumo.ec2.support.Pages;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusResponse;
import software.amazon.awssdk.services.ec2.model.EbsStatusDetails;
import software.amazon.awssdk.services.ec2.model.EbsStatusSummary;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.InstanceStatusDetails;
import software.amazon.awssdk.services.ec2.model.InstanceStatusSummary;

import java.time.Instant;
import java.util.List;

/**
 * DescribeInstanceStatus: running instances by default (all with IncludeAllInstances). Status
 * checks say "initializing" for a while after an instance starts running, then "ok".
 */
public final class DescribeInstanceStatus implements Handler<DescribeInstanceStatusRequest, DescribeInstanceStatusResponse> {

    /** An instance with the outcome of its status checks: "initializing", "ok" or "not-applicable". */
    record Checked(InstanceRecord instance, String status) {
        String reachability() {
            return switch (status) {
                case "ok" -> "passed";
                case "initializing" -> "initializing";
                default -> null;
            };
        }
    }

    private static final Filters<Checked> FILTERS = Filters.<Checked>forType(null)
            .one("availability-zone", c -> c.instance().launch().availabilityZone())
            .one("instance-state-name", c -> c.instance().state().apiName())
            .one("instance-state-code", c -> c.instance().state().code())
            .one("instance-status.status", Checked::status)
            .one("instance-status.reachability", Checked::reachability)
            .one("system-status.status", Checked::status)
            .one("system-status.reachability", Checked::reachability)
            .one("attached-ebs-status.status", Checked::status);

    @Override
    public DescribeInstanceStatusResponse handle(RequestContext ctx, DescribeInstanceStatusRequest in) {
        if (!in.instanceIds().isEmpty() && in.maxResults() != null) {
            throw ComputeErrors.maxResultsWithIds("instancesSet");
        }
        boolean includeAll = Boolean.TRUE.equals(in.includeAllInstances());
        var predicate = FILTERS.compile(in.filters());
        InstanceTimings timings = InstanceTimings.current();
        Instant now = ctx.receivedAt();
        return ctx.read(tx -> {
            List<InstanceRecord> instances = Lookups.selected(tx, ComputeKinds.INSTANCE, InstanceRecord.TABLE, in.instanceIds(),
                    InstanceRecord::instanceId);
            List<Checked> checked = instances.stream()
                    .filter(i -> includeAll || i.state() == InstanceState.RUNNING)
                    .map(i -> new Checked(i, status(i, now, timings)))
                    .filter(predicate)
                    .toList();
            var page = Pages.of(checked, in.maxResults(), in.nextToken(), 5, 1000, c -> c.instance().instanceId());
            return DescribeInstanceStatusResponse.builder()
                    .instanceStatuses(page.items().stream().map(DescribeInstanceStatus::toSdk).toList())
                    .nextToken(page.nextToken())
                    .build();
        });
    }

    static String status(InstanceRecord instance, Instant now, InstanceTimings timings) {
        if (instance.state() != InstanceState.RUNNING) {
            return "not-applicable";
        }
        return instance.lifecycle().stateChangedAt().plus(timings.initializing()).isAfter(now) ? "initializing" : "ok";
    }

    private static InstanceStatus toSdk(Checked c) {
        List<InstanceStatusDetails> details = c.reachability() == null ? List.of()
                : List.of(InstanceStatusDetails.builder().name("reachability").status(c.reachability()).build());
        InstanceStatusSummary summary = InstanceStatusSummary.builder().status(c.status()).details(details).build();
        List<EbsStatusDetails> ebsDetails = c.reachability() == null ? List.of()
                : List.of(EbsStatusDetails.builder().name("reachability").status(c.reachability()).build());
        return InstanceStatus.builder()
                .instanceId(c.instance().instanceId())
                .availabilityZone(c.instance().launch().availabilityZone())
                .instanceState(c.instance().state().toSdk())
                .instanceStatus(summary)
                .systemStatus(summary)
                .attachedEbsStatus(EbsStatusSummary.builder().status(c.status()).details(ebsDetails).build())
                .events(List.of())
                .build();
    }
}
