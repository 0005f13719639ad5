package io.kumo.ec2.network.vpc;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.support.Filters;
import io.kumo.ec2.support.Pages;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.DescribeDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeDhcpOptionsResponse;
import software.amazon.awssdk.services.ec2.model.DhcpConfiguration;
import software.amazon.awssdk.services.ec2.model.DhcpOptions;

import java.util.List;

public final class DescribeDhcpOptions implements Handler<DescribeDhcpOptionsRequest, DescribeDhcpOptionsResponse> {

    @Override
    public DescribeDhcpOptionsResponse handle(RequestContext ctx, DescribeDhcpOptionsRequest in) {
        return ctx.read(tx -> {
            List<DhcpOptionsRecord> selected = Lookups.selected(tx, NetworkKinds.DHCP_OPTIONS, DhcpOptionsRecord.TABLE,
                    in.dhcpOptionsIds(), DhcpOptionsRecord::dhcpOptionsId);
            Filters<DhcpOptionsRecord> filters = Filters.<DhcpOptionsRecord>forType(d -> Tags.of(tx, d.dhcpOptionsId()))
                    .one("dhcp-options-id", DhcpOptionsRecord::dhcpOptionsId)
                    .one("owner-id", DhcpOptionsRecord::ownerId)
                    .many("key", d -> d.configurations().stream().map(DhcpOptionsRecord.Configuration::key).toList())
                    .many("value", d -> d.configurations().stream().flatMap(c -> c.values().stream()).toList());
            Pages.Page<DhcpOptionsRecord> page = Pages.of(filters.apply(selected, in.filters()), in.maxResults(), in.nextToken(),
                    5, 1000, DhcpOptionsRecord::dhcpOptionsId);
            return DescribeDhcpOptionsResponse.builder()
                    .dhcpOptions(page.items().stream().map(d -> toSdk(tx, d)).toList())
                    .nextToken(page.nextToken())
                    .build();
        });
    }

    static DhcpOptions toSdk(io.kumo.core.store.Tx tx, DhcpOptionsRecord d) {
        return DhcpOptions.builder()
                .dhcpOptionsId(d.dhcpOptionsId())
                .ownerId(d.ownerId())
                .dhcpConfigurations(d.configurations().stream().map(c -> DhcpConfiguration.builder().key(c.key())
                        .values(c.values().stream().map(v -> AttributeValue.builder().value(v).build()).toList())
                        .build()).toList())
                .tags(Tags.sdkTags(tx, d.dhcpOptionsId()))
                .build();
    }
}
