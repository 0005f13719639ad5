package io.kumo.ec2.compute.eni;

import io.kumo.core.AwsException;
import io.kumo.core.Ids;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeErrors;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.compute.address.AddressRecord;
import io.kumo.ec2.compute.instance.InstanceRecord;
import io.kumo.ec2.compute.instance.InstanceState;
import io.kumo.ec2.compute.instance.InstanceTypes;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.AttachNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.AttachNetworkInterfaceResponse;

import java.util.List;

/** AttachNetworkInterface: a secondary interface for a running or stopped instance in the same zone. */
public final class AttachNetworkInterface implements Handler<AttachNetworkInterfaceRequest, AttachNetworkInterfaceResponse> {

    @Override
    public AttachNetworkInterfaceResponse handle(RequestContext ctx, AttachNetworkInterfaceRequest in) {
        int deviceIndex = in.deviceIndex() == null ? -1 : in.deviceIndex();
        if (deviceIndex < 1) {
            throw Ec2Errors.invalidParameterValue("Value (" + deviceIndex + ") for parameter deviceIndex is invalid. "
                    + "Secondary network interfaces use device index 1 or higher.");
        }
        return ctx.write(tx -> {
            NetworkInterfaceRecord eni = Lookups.require(tx, ComputeKinds.NETWORK_INTERFACE, in.networkInterfaceId());
            InstanceRecord instance = Lookups.require(tx, ComputeKinds.INSTANCE, in.instanceId());
            if (eni.attachment() != null) {
                throw DeleteNetworkInterface.inUse(eni.networkInterfaceId());
            }
            if (instance.state() != InstanceState.RUNNING && instance.state() != InstanceState.STOPPED) {
                throw ComputeErrors.incorrectInstanceState("The instance '" + instance.instanceId()
                        + "' is not in the 'running' or 'stopped' state.");
            }
            if (!eni.availabilityZone().equals(instance.launch().availabilityZone())) {
                throw Ec2Errors.invalidParameterCombination("You may not attach a network interface to an instance if they are not "
                        + "in the same availability zone");
            }
            List<NetworkInterfaceRecord> attached = NetworkInterfaces.ofInstance(tx, instance.instanceId());
            if (attached.stream().anyMatch(e -> e.attachment().deviceIndex() == deviceIndex)) {
                throw Ec2Errors.invalidParameterValue("Instance '" + instance.instanceId() + "' already has an interface attached at "
                        + "device index '" + deviceIndex + "'.");
            }
            int limit = InstanceTypes.find(instance.settings().instanceType()).map(InstanceTypes.Spec::maxInterfaces).orElse(2);
            if (attached.size() + 1 > limit) {
                throw AwsException.badRequest("AttachmentLimitExceeded", "Interface count " + (attached.size() + 1)
                        + " exceeds the limit for " + instance.settings().instanceType());
            }
            String attachmentId = Ids.ec2("eni-attach");
            NetworkInterfaceRecord updated = eni.withAttachment(new NetworkInterfaceRecord.Attachment(attachmentId,
                    instance.instanceId(), ctx.accountId(), deviceIndex, "attached", ctx.receivedAt(), false));
            tx.put(NetworkInterfaceRecord.TABLE, eni.networkInterfaceId(), updated);
            if (updated.publicIp() != null && updated.publicIp().elastic()) {
                tx.get(AddressRecord.TABLE, updated.publicIp().allocationId()).ifPresent(a -> tx.put(AddressRecord.TABLE, a.allocationId(),
                        a.associate(a.associationId(), instance.instanceId(), a.networkInterfaceId(), a.networkInterfaceOwnerId(),
                                a.privateIpAddress())));
            }
            return AttachNetworkInterfaceResponse.builder().attachmentId(attachmentId).networkCardIndex(0).build();
        });
    }
}
