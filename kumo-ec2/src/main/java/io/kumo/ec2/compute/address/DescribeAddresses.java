package io.kumo.ec2.compute.address;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesResponse;

import java.util.LinkedHashSet;
import java.util.List;

/** DescribeAddresses by public IP or allocation id (each must exist), with filters. */
public final class DescribeAddresses implements Handler<DescribeAddressesRequest, DescribeAddressesResponse> {

    @Override
    public DescribeAddressesResponse handle(RequestContext ctx, DescribeAddressesRequest in) {
        var predicate = Addresses.FILTERS.compile(in.filters());
        return ctx.read(tx -> {
            List<AddressRecord> selected = tx.list(AddressRecord.TABLE);
            if (!in.publicIps().isEmpty() || !in.allocationIds().isEmpty()) {
                LinkedHashSet<AddressRecord> named = new LinkedHashSet<>();
                in.publicIps().forEach(ip -> named.add(Addresses.byPublicIp(tx, ip)));
                in.allocationIds().forEach(id -> named.add(Addresses.byAllocationId(tx, id)));
                selected = named.stream().sorted((a, b) -> a.allocationId().compareTo(b.allocationId())).toList();
            }
            return DescribeAddressesResponse.builder()
                    .addresses(selected.stream().map(a -> Addresses.Described.of(tx, a)).filter(predicate).map(Addresses::toSdk).toList())
                    .build();
        });
    }
}
