package io.kumo.ec2.compute.eni;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.network.Lookups;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkInterfaceResponse;

/** DeleteNetworkInterface: only an unattached interface; its address goes back to the subnet. */
public final class DeleteNetworkInterface implements Handler<DeleteNetworkInterfaceRequest, DeleteNetworkInterfaceResponse> {

    @Override
    public DeleteNetworkInterfaceResponse handle(RequestContext ctx, DeleteNetworkInterfaceRequest in) {
        return ctx.write(tx -> {
            NetworkInterfaceRecord eni = Lookups.require(tx, ComputeKinds.NETWORK_INTERFACE, in.networkInterfaceId());
            if (eni.attachment() != null) {
                throw inUse(eni.networkInterfaceId());
            }
            NetworkInterfaces.delete(tx, eni);
            return DeleteNetworkInterfaceResponse.builder().build();
        });
    }

    static AwsException inUse(String eniId) {
        return AwsException.badRequest("InvalidNetworkInterface.InUse", "Interface: [" + eniId + "] in use.");
    }
}
