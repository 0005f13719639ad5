package io.kumo.ec2.network.natgw;

import io.kumo.core.store.Table;

import java.time.Instant;

/**
 * A NAT gateway. It holds one private address of its subnet; a public one also holds an Elastic
 * IP allocation. Deleted gateways stay (state "deleted") for an hour, as on AWS.
 */
public record NatGatewayRecord(
        String natGatewayId,
        String vpcId,
        String subnetId,
        String connectivityType,
        String state,
        String allocationId,
        String publicIp,
        String privateIp,
        String networkInterfaceId,
        Instant createdAt,
        Instant deletedAt) {

    public static final Table<NatGatewayRecord> TABLE = Table.regional("ec2.nat-gateways", NatGatewayRecord.class);

    public static final String PENDING = "pending";
    public static final String AVAILABLE = "available";
    public static final String DELETING = "deleting";
    public static final String DELETED = "deleted";

    public boolean gone() {
        return DELETED.equals(state) || DELETING.equals(state);
    }

    public NatGatewayRecord deleted(Instant at) {
        return new NatGatewayRecord(natGatewayId, vpcId, subnetId, connectivityType, DELETED, allocationId, publicIp, privateIp,
                networkInterfaceId, createdAt, at);
    }
}
