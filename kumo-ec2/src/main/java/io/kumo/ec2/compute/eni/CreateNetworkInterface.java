package io.kumo.ec2.compute.eni;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.sg.SecurityGroups;
import io.kumo.ec2.network.subnet.SubnetRecord;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.CreateNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.CreateNetworkInterfaceResponse;

import java.util.List;

/** CreateNetworkInterface: an unattached interface in a subnet, with its groups (the VPC's default when none). */
public final class CreateNetworkInterface implements Handler<CreateNetworkInterfaceRequest, CreateNetworkInterfaceResponse> {

    @Override
    public CreateNetworkInterfaceResponse handle(RequestContext ctx, CreateNetworkInterfaceRequest in) {
        String type = in.interfaceTypeAsString() == null ? "interface" : in.interfaceTypeAsString();
        if (!type.equals("interface")) {
            throw Ec2Errors.invalidParameterValue("Value (" + type + ") for parameter interfaceType is invalid. "
                    + "Kumo creates interfaces of type 'interface' only.");
        }
        return ctx.write(tx -> {
            SubnetRecord subnet = Lookups.require(tx, NetworkKinds.SUBNET, in.subnetId());
            List<String> groups = SecurityGroups.resolve(tx, subnet.vpcId(), in.groups(), List.of());
            NetworkInterfaceRecord eni = NetworkInterfaces.create(tx, subnet, groups, in.privateIpAddress(), in.description(), false,
                    type, ctx.receivedAt());
            Tags.applySpecifications(tx, eni.networkInterfaceId(), "network-interface", in.tagSpecifications(), List.of("network-interface"));
            return CreateNetworkInterfaceResponse.builder()
                    .networkInterface(EniViews.toSdk(EniViews.load(tx, List.of(eni)).getFirst()))
                    .clientToken(in.clientToken())
                    .build();
        });
    }
}
