package io.kumo.ec2.compute.address;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.support.Pages;
import software.amazon.awssdk.services.ec2.model.AddressAttribute;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesAttributeResponse;

import java.util.List;

/** DescribeAddressesAttribute (domain-name): Kumo sets no reverse DNS records, so PtrRecord stays empty. */
public final class DescribeAddressesAttribute implements Handler<DescribeAddressesAttributeRequest, DescribeAddressesAttributeResponse> {

    @Override
    public DescribeAddressesAttributeResponse handle(RequestContext ctx, DescribeAddressesAttributeRequest in) {
        return ctx.read(tx -> {
            List<AddressRecord> selected = in.allocationIds().isEmpty() ? tx.list(AddressRecord.TABLE)
                    : in.allocationIds().stream().map(id -> Addresses.byAllocationId(tx, id)).toList();
            var page = Pages.of(selected, in.maxResults(), in.nextToken(), 1, 1000, AddressRecord::allocationId);
            return DescribeAddressesAttributeResponse.builder()
                    .addresses(page.items().stream().map(a -> AddressAttribute.builder()
                            .allocationId(a.allocationId()).publicIp(a.publicIp()).build()).toList())
                    .nextToken(page.nextToken())
                    .build();
        });
    }
}
