package io.kumo.ec2.network.natgw;

import io.kumo.core.AwsException;
import io.kumo.core.store.Tx;
import io.kumo.ec2.support.Filters;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;

import java.time.Instant;
import java.util.List;

/** NAT gateways as DescribeNatGateways shows them at a given moment. */
public final class NatGateways {
    private NatGateways() {
    }

    public static NatGateway toSdk(Tx tx, NatGatewayRecord n, String state) {
        return NatGateway.builder()
                .natGatewayId(n.natGatewayId())
                .vpcId(n.vpcId())
                .subnetId(n.subnetId())
                .connectivityType(n.connectivityType())
                .state(state)
                .createTime(n.createdAt())
                .deleteTime(NatGatewayRecord.DELETED.equals(state) || NatGatewayRecord.DELETING.equals(state) ? n.deletedAt() : null)
                .natGatewayAddresses(List.of(NatGatewayAddress.builder()
                        .allocationId(n.allocationId())
                        .publicIp(n.publicIp())
                        .privateIp(n.privateIp())
                        .networkInterfaceId(n.networkInterfaceId())
                        .isPrimary(true)
                        .status(NatGatewayRecord.DELETED.equals(state) ? "disassociated"
                                : NatGatewayRecord.PENDING.equals(state) ? "associating" : "succeeded")
                        .build()))
                .tags(Tags.sdkTags(tx, n.natGatewayId()))
                .build();
    }

    public static Filters<NatGatewayRecord> filters(Tx tx, NatTimings timings, Instant now) {
        return Filters.<NatGatewayRecord>forType(n -> Tags.of(tx, n.natGatewayId()))
                .one("nat-gateway-id", NatGatewayRecord::natGatewayId)
                .one("state", n -> timings.stateAt(n, now))
                .one("subnet-id", NatGatewayRecord::subnetId)
                .one("vpc-id", NatGatewayRecord::vpcId);
    }

    public static AwsException notFound(String id) {
        return AwsException.badRequest("NatGatewayNotFound", "NAT gateway " + id + " was not found");
    }
}
