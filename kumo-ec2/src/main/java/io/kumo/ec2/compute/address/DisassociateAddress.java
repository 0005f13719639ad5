package io.kumo.ec2.compute.address;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeErrors;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.DisassociateAddressRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateAddressResponse;

/** DisassociateAddress by AssociationId (or the deprecated PublicIp). */
public final class DisassociateAddress implements Handler<DisassociateAddressRequest, DisassociateAddressResponse> {

    @Override
    public DisassociateAddressResponse handle(RequestContext ctx, DisassociateAddressRequest in) {
        if (in.associationId() == null && in.publicIp() == null) {
            throw Ec2Errors.missingParameter("AssociationId");
        }
        return ctx.write(tx -> {
            AddressRecord address = in.associationId() != null
                    ? tx.list(AddressRecord.TABLE).stream().filter(a -> in.associationId().equals(a.associationId())).findFirst()
                    .orElseThrow(() -> ComputeErrors.associationNotFound(in.associationId()))
                    : Addresses.byPublicIp(tx, in.publicIp());
            if (address.associated()) {
                Disassociation.apply(tx, address, true);
            }
            return DisassociateAddressResponse.builder().build();
        });
    }
}
