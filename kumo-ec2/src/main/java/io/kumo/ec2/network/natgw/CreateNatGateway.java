package io.kumo.ec2.network.natgw;

import io.kumo.core.AwsException;
import io.kumo.core.Ids;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.ComputeView;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.subnet.SubnetAddresses;
import io.kumo.ec2.network.subnet.SubnetRecord;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.CreateNatGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateNatGatewayResponse;

import java.util.List;

/**
 * A NAT gateway in a subnet: it takes one private address there, and a public one takes an
 * Elastic IP allocation too. It is pending for a moment (see {@link NatTimings}), then available.
 * Its network interface id is reported but no interface record is created.
 */
public final class CreateNatGateway implements Handler<CreateNatGatewayRequest, CreateNatGatewayResponse> {
    private final ComputeView compute;

    public CreateNatGateway(ComputeView compute) {
        this.compute = compute;
    }

    @Override
    public CreateNatGatewayResponse handle(RequestContext ctx, CreateNatGatewayRequest in) {
        String connectivity = in.connectivityTypeAsString() == null ? "public" : in.connectivityTypeAsString();
        if (!connectivity.equals("public") && !connectivity.equals("private")) {
            throw Ec2Errors.invalidParameterValue("Value (" + connectivity + ") for parameter connectivityType is invalid.");
        }
        if (connectivity.equals("public") && in.allocationId() == null) {
            throw AwsException.badRequest("MissingParameter", "The request must contain the parameter allocationId");
        }
        if (connectivity.equals("private") && in.allocationId() != null) {
            throw Ec2Errors.invalidParameterCombination("A private NAT gateway cannot have an Elastic IP allocation.");
        }
        if (!in.secondaryAllocationIds().isEmpty() || !in.secondaryPrivateIpAddresses().isEmpty()
                || in.secondaryPrivateIpAddressCount() != null) {
            throw Ec2Errors.invalidParameterValue("Secondary NAT gateway addresses are not available in Kumo.");
        }
        return ctx.write(tx -> {
            SubnetRecord subnet = Lookups.require(tx, NetworkKinds.SUBNET, in.subnetId());
            String publicIp = null;
            if (in.allocationId() != null) {
                ComputeView.ElasticIp eip = compute.requireElasticIp(tx, in.allocationId());
                boolean usedByNat = tx.list(NatGatewayRecord.TABLE).stream()
                        .anyMatch(n -> !n.gone() && in.allocationId().equals(n.allocationId()));
                if (eip.associated() || usedByNat) {
                    throw AwsException.badRequest("Resource.AlreadyAssociated",
                            "Elastic IP address [" + in.allocationId() + "] is already associated");
                }
                publicIp = eip.publicIp();
            }
            String privateIp = SubnetAddresses.allocate(tx, subnet.subnetId(), in.privateIpAddress());
            NatGatewayRecord nat = new NatGatewayRecord(Ids.ec2("nat"), subnet.vpcId(), subnet.subnetId(), connectivity,
                    NatGatewayRecord.PENDING, in.allocationId(), publicIp, privateIp, Ids.ec2("eni"), ctx.receivedAt(), null);
            tx.put(NatGatewayRecord.TABLE, nat.natGatewayId(), nat);
            Tags.applySpecifications(tx, nat.natGatewayId(), "natgateway", in.tagSpecifications(), List.of("natgateway"));
            return CreateNatGatewayResponse.builder()
                    .clientToken(in.clientToken())
                    .natGateway(NatGateways.toSdk(tx, nat, NatGatewayRecord.PENDING))
                    .build();
        });
    }
}
