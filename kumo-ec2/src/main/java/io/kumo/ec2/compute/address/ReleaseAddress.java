package io.kumo.ec2.compute.address;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.support.DependencyChecks;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.ReleaseAddressRequest;
import software.amazon.awssdk.services.ec2.model.ReleaseAddressResponse;

/** ReleaseAddress: gives an unassociated Elastic IP back to the pool. */
public final class ReleaseAddress implements Handler<ReleaseAddressRequest, ReleaseAddressResponse> {
    private final DependencyChecks dependencies;

    /** @param dependencies answers whether a NAT gateway of the network area holds the address */
    public ReleaseAddress(DependencyChecks dependencies) {
        this.dependencies = dependencies;
    }

    @Override
    public ReleaseAddressResponse handle(RequestContext ctx, ReleaseAddressRequest in) {
        return ctx.write(tx -> {
            AddressRecord address = Addresses.require(tx, in.allocationId(), in.publicIp(), "AllocationId");
            if (address.associated() || dependencies.firstUserOf(tx, address.allocationId()).isPresent()) {
                throw AwsException.badRequest("InvalidIPAddress.InUse", "Address " + address.allocationId() + " is in use.");
            }
            PublicIpPool.release(tx, address.publicIp());
            tx.delete(AddressRecord.TABLE, address.allocationId());
            Tags.deleteAll(tx, address.allocationId());
            return ReleaseAddressResponse.builder().build();
        });
    }
}
