package io.kumo.ec2.network.natgw;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.support.Pages;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysResponse;

import java.time.Instant;
import java.util.List;

public final class DescribeNatGateways implements Handler<DescribeNatGatewaysRequest, DescribeNatGatewaysResponse> {

    @Override
    public DescribeNatGatewaysResponse handle(RequestContext ctx, DescribeNatGatewaysRequest in) {
        NatTimings timings = NatTimings.current();
        Instant now = ctx.receivedAt();
        in.natGatewayIds().forEach(NetworkKinds.NAT_GATEWAY::check);
        return ctx.read(tx -> {
            List<NatGatewayRecord> visible = tx.list(NatGatewayRecord.TABLE).stream()
                    .filter(n -> timings.stateAt(n, now) != null)
                    .toList();
            for (String id : in.natGatewayIds()) {
                if (visible.stream().noneMatch(n -> n.natGatewayId().equals(id))) {
                    throw NatGateways.notFound(id);
                }
            }
            List<NatGatewayRecord> selected = in.natGatewayIds().isEmpty() ? visible
                    : visible.stream().filter(n -> in.natGatewayIds().contains(n.natGatewayId())).toList();
            List<NatGatewayRecord> matching = NatGateways.filters(tx, timings, now).apply(selected, in.filter());
            Pages.Page<NatGatewayRecord> page = Pages.of(matching, in.maxResults(), in.nextToken(), 5, 1000,
                    NatGatewayRecord::natGatewayId);
            return DescribeNatGatewaysResponse.builder()
                    .natGateways(page.items().stream().map(n -> NatGateways.toSdk(tx, n, timings.stateAt(n, now))).toList())
                    .nextToken(page.nextToken())
                    .build();
        });
    }
}
