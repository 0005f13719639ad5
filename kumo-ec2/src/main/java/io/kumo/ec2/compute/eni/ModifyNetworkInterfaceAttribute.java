package io.kumo.ec2.compute.eni;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.sg.SecurityGroups;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.ModifyNetworkInterfaceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyNetworkInterfaceAttributeResponse;

import java.util.List;

/** ModifyNetworkInterfaceAttribute: groups, source/destination check, description, DeleteOnTermination. */
public final class ModifyNetworkInterfaceAttribute
        implements Handler<ModifyNetworkInterfaceAttributeRequest, ModifyNetworkInterfaceAttributeResponse> {

    @Override
    public ModifyNetworkInterfaceAttributeResponse handle(RequestContext ctx, ModifyNetworkInterfaceAttributeRequest in) {
        return ctx.write(tx -> {
            NetworkInterfaceRecord eni = Lookups.require(tx, ComputeKinds.NETWORK_INTERFACE, in.networkInterfaceId());
            boolean changed = false;
            if (!in.groups().isEmpty()) {
                eni = eni.withGroupIds(SecurityGroups.resolve(tx, eni.vpcId(), in.groups(), List.of()));
                changed = true;
            }
            if (in.sourceDestCheck() != null && in.sourceDestCheck().value() != null) {
                eni = eni.withSourceDestCheck(in.sourceDestCheck().value());
                changed = true;
            }
            if (in.description() != null) {
                eni = eni.withDescription(in.description().value() == null ? "" : in.description().value());
                changed = true;
            }
            if (in.attachment() != null) {
                if (eni.attachment() == null || !eni.attachment().attachmentId().equals(in.attachment().attachmentId())) {
                    throw Ec2Errors.invalidParameterValue("The attachment '" + in.attachment().attachmentId()
                            + "' does not belong to network interface '" + eni.networkInterfaceId() + "'.");
                }
                if (in.attachment().deleteOnTermination() != null) {
                    eni = eni.withAttachment(eni.attachment().withDeleteOnTermination(in.attachment().deleteOnTermination()));
                }
                changed = true;
            }
            if (!changed) {
                throw Ec2Errors.missingParameter("Attribute");
            }
            tx.put(NetworkInterfaceRecord.TABLE, eni.networkInterfaceId(), eni);
            return ModifyNetworkInterfaceAttributeResponse.builder().build();
        });
    }
}
