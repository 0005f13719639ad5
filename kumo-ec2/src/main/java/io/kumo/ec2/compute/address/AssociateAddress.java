package io.kumo.ec2.compute.address;

import io.kumo.core.AwsException;
import io.kumo.core.Ids;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.ComputeErrors;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.compute.eni.NetworkInterfaceRecord;
import io.kumo.ec2.compute.eni.NetworkInterfaces;
import io.kumo.ec2.compute.instance.InstanceRecord;
import io.kumo.ec2.compute.instance.InstanceState;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.igw.InternetGatewayRecord;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.AssociateAddressRequest;
import software.amazon.awssdk.services.ec2.model.AssociateAddressResponse;

import java.util.List;

/**
 * AssociateAddress with an instance (which must have exactly one interface) or an interface.
 * The interface's auto-assigned public IP goes back to the pool; the VPC must have an internet
 * gateway attached.
 */
public final class AssociateAddress implements Handler<AssociateAddressRequest, AssociateAddressResponse> {

    @Override
    public AssociateAddressResponse handle(RequestContext ctx, AssociateAddressRequest in) {
        if (in.instanceId() == null && in.networkInterfaceId() == null) {
            throw Ec2Errors.missingParameter("InstanceId or NetworkInterfaceId");
        }
        return ctx.write(tx -> {
            AddressRecord address = Addresses.require(tx, in.allocationId(), in.publicIp(), "AllocationId");
            NetworkInterfaceRecord eni = target(tx, in);
            if (in.privateIpAddress() != null && !in.privateIpAddress().equals(eni.privateIpAddress())) {
                throw Ec2Errors.invalidParameterValue("The private IP address " + in.privateIpAddress()
                        + " is not assigned to network interface " + eni.networkInterfaceId() + ".");
            }
            boolean gateway = tx.list(InternetGatewayRecord.TABLE).stream().anyMatch(g -> eni.vpcId().equals(g.vpcId()));
            if (!gateway) {
                throw AwsException.badRequest("Gateway.NotAttached", "Network " + eni.vpcId() + " is not attached to any internet gateway");
            }
            if (address.associated()) {
                if (address.networkInterfaceId().equals(eni.networkInterfaceId())) {
                    return AssociateAddressResponse.builder().associationId(address.associationId()).build();
                }
                if (!Boolean.TRUE.equals(in.allowReassociation())) {
                    throw AwsException.badRequest("Resource.AlreadyAssociated", "resource " + address.allocationId()
                            + " is already associated with associate-id " + address.associationId());
                }
                Disassociation.apply(tx, address, false);
            }
            NetworkInterfaceRecord current = tx.get(NetworkInterfaceRecord.TABLE, eni.networkInterfaceId()).orElseThrow();
            if (current.publicIp() != null && current.publicIp().elastic()) {
                Disassociation.apply(tx, Addresses.byAllocationId(tx, current.publicIp().allocationId()), false);
                current = tx.get(NetworkInterfaceRecord.TABLE, eni.networkInterfaceId()).orElseThrow();
            }
            current = NetworkInterfaces.releaseAutoPublicIp(tx, current);
            String associationId = Ids.ec2("eipassoc");
            tx.put(NetworkInterfaceRecord.TABLE, current.networkInterfaceId(), current.withPublicIp(new NetworkInterfaceRecord.PublicIp(
                    address.publicIp(), ctx.accountId(), address.allocationId(), associationId)));
            String instanceId = current.attachment() == null ? null : current.attachment().instanceId();
            tx.put(AddressRecord.TABLE, address.allocationId(), address.disassociate().associate(associationId, instanceId,
                    current.networkInterfaceId(), current.ownerId(), current.privateIpAddress()));
            return AssociateAddressResponse.builder().associationId(associationId).build();
        });
    }

    private static NetworkInterfaceRecord target(Tx tx, AssociateAddressRequest in) {
        if (in.networkInterfaceId() != null) {
            NetworkInterfaceRecord eni = Lookups.require(tx, ComputeKinds.NETWORK_INTERFACE, in.networkInterfaceId());
            if (in.instanceId() != null && !eni.attachedTo(in.instanceId())) {
                throw Ec2Errors.invalidParameterCombination("You can specify either the instance ID or the network interface ID, but not both.");
            }
            return eni;
        }
        InstanceRecord instance = Lookups.require(tx, ComputeKinds.INSTANCE, in.instanceId());
        if (instance.state() == InstanceState.TERMINATED || instance.state() == InstanceState.SHUTTING_DOWN) {
            throw ComputeErrors.incorrectInstanceState("The instance '" + instance.instanceId() + "' is not in a valid state for this operation.");
        }
        List<NetworkInterfaceRecord> enis = NetworkInterfaces.ofInstance(tx, instance.instanceId());
        if (enis.size() != 1) {
            throw AwsException.badRequest("InvalidInstanceID", "There are multiple interfaces attached to instance '"
                    + instance.instanceId() + "'. Please specify an interface ID for the operation instead.");
        }
        return enis.getFirst();
    }
}
