package io.kumo.ec2.network.natgw;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.subnet.SubnetAddresses;
import software.amazon.awssdk.services.ec2.model.DeleteNatGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNatGatewayResponse;

/** The gateway turns deleting, then deleted, and stays visible for an hour; its addresses are freed at once. */
public final class DeleteNatGateway implements Handler<DeleteNatGatewayRequest, DeleteNatGatewayResponse> {

    @Override
    public DeleteNatGatewayResponse handle(RequestContext ctx, DeleteNatGatewayRequest in) {
        NetworkKinds.NAT_GATEWAY.check(in.natGatewayId());
        return ctx.write(tx -> {
            NatGatewayRecord nat = tx.get(NatGatewayRecord.TABLE, in.natGatewayId())
                    .orElseThrow(() -> NatGateways.notFound(in.natGatewayId()));
            if (!nat.gone()) {
                SubnetAddresses.release(tx, nat.subnetId(), nat.privateIp());
                tx.put(NatGatewayRecord.TABLE, nat.natGatewayId(), new NatGatewayRecord(nat.natGatewayId(), nat.vpcId(), nat.subnetId(),
                        nat.connectivityType(), NatGatewayRecord.DELETING, nat.allocationId(), nat.publicIp(), nat.privateIp(),
                        nat.networkInterfaceId(), nat.createdAt(), ctx.receivedAt()));
            }
            return DeleteNatGatewayResponse.builder().natGatewayId(nat.natGatewayId()).build();
        });
    }
}
