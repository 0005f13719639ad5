package io.kumo.ec2.compute.eni;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeErrors;
import io.kumo.ec2.compute.address.AddressRecord;
import software.amazon.awssdk.services.ec2.model.DetachNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.DetachNetworkInterfaceResponse;

/** DetachNetworkInterface: secondary interfaces only; the primary stays with its instance. */
public final class DetachNetworkInterface implements Handler<DetachNetworkInterfaceRequest, DetachNetworkInterfaceResponse> {

    @Override
    public DetachNetworkInterfaceResponse handle(RequestContext ctx, DetachNetworkInterfaceRequest in) {
        return ctx.write(tx -> {
            NetworkInterfaceRecord eni = tx.list(NetworkInterfaceRecord.TABLE).stream()
                    .filter(e -> e.attachment() != null && e.attachment().attachmentId().equals(in.attachmentId()))
                    .findFirst()
                    .orElseThrow(() -> AwsException.badRequest("InvalidAttachmentID.NotFound",
                            "The network interface attachment ID '" + in.attachmentId() + "' does not exist"));
            if (eni.requesterManaged()) {
                throw ComputeErrors.operationNotPermitted("You are not allowed to manage '" + in.attachmentId().replaceFirst("-[0-9a-f]+$", "")
                        + "' attachments.");
            }
            if (eni.attachment().deviceIndex() == 0) {
                throw ComputeErrors.operationNotPermitted("The network interface at device index 0 cannot be detached.");
            }
            NetworkInterfaceRecord detached = eni.withAttachment(null);
            tx.put(NetworkInterfaceRecord.TABLE, eni.networkInterfaceId(), detached);
            if (detached.publicIp() != null && detached.publicIp().elastic()) {
                tx.get(AddressRecord.TABLE, detached.publicIp().allocationId()).ifPresent(a -> tx.put(AddressRecord.TABLE, a.allocationId(),
                        a.associate(a.associationId(), null, a.networkInterfaceId(), a.networkInterfaceOwnerId(), a.privateIpAddress())));
            }
            return DetachNetworkInterfaceResponse.builder().build();
        });
    }
}
