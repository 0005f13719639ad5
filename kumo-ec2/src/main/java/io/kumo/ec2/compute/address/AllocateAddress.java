package io.kumo.ec2.compute.address;

import io.kumo.core.AwsException;
import io.kumo.core.Ids;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.AllocateAddressRequest;
import software.amazon.awssdk.services.ec2.model.AllocateAddressResponse;

import java.util.List;

/** AllocateAddress: an Elastic IP from Kumo's public pool (see {@link PublicIpPool}), five per region. */
public final class AllocateAddress implements Handler<AllocateAddressRequest, AllocateAddressResponse> {

    @Override
    public AllocateAddressResponse handle(RequestContext ctx, AllocateAddressRequest in) {
        String domain = in.domainAsString() == null ? "vpc" : in.domainAsString();
        if (!domain.equals("vpc")) {
            throw Ec2Errors.invalidParameterValue("Value (" + domain + ") for parameter domain is invalid. EC2-Classic is retired; use 'vpc'.");
        }
        String borderGroup = in.networkBorderGroup() == null ? ctx.region() : in.networkBorderGroup();
        if (!borderGroup.equals(ctx.region())) {
            throw Ec2Errors.invalidParameterValue("The network border group '" + borderGroup + "' is not valid in region '" + ctx.region() + "'.");
        }
        if (in.publicIpv4Pool() != null && !in.publicIpv4Pool().equals("amazon")) {
            throw AwsException.badRequest("InvalidPublicIpv4PoolID.NotFound", "The pool ID '" + in.publicIpv4Pool() + "' does not exist");
        }
        if (in.address() != null) {
            throw Ec2Errors.invalidParameterValue("Kumo allocates Elastic IPs from its own pool; a specific Address (BYOIP) is not supported.");
        }
        return ctx.write(tx -> {
            if (tx.list(AddressRecord.TABLE).size() >= Addresses.LIMIT) {
                throw AwsException.badRequest("AddressLimitExceeded", "The maximum number of addresses has been reached.");
            }
            String allocationId = Ids.ec2("eipalloc");
            String ip = PublicIpPool.lease(tx, allocationId);
            AddressRecord address = new AddressRecord(allocationId, ip, domain, borderGroup, ctx.receivedAt(), null, null, null, null, null);
            tx.put(AddressRecord.TABLE, allocationId, address);
            Tags.applySpecifications(tx, allocationId, "elastic-ip", in.tagSpecifications(), List.of("elastic-ip"));
            return AllocateAddressResponse.builder()
                    .allocationId(allocationId)
                    .publicIp(ip)
                    .domain(domain)
                    .networkBorderGroup(borderGroup)
                    .publicIpv4Pool("amazon")
                    .build();
        });
    }
}
