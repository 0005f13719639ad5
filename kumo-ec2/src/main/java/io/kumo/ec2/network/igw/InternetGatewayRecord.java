package io.kumo.ec2.network.igw;

import io.kumo.core.store.Table;

import java.time.Instant;

/** An internet gateway; {@code vpcId} is null while it is detached. */
public record InternetGatewayRecord(String internetGatewayId, String ownerId, String vpcId, Instant createdAt) {
    public static final Table<InternetGatewayRecord> TABLE = Table.regional("ec2.internet-gateways", InternetGatewayRecord.class);

    public boolean attached() {
        return vpcId != null;
    }

    public InternetGatewayRecord withVpcId(String newVpcId) {
        return new InternetGatewayRecord(internetGatewayId, ownerId, newVpcId, createdAt);
    }
}
