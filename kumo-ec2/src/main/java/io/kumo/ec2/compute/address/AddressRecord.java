package io.kumo.ec2.compute.address;

import io.kumo.core.store.Table;

import java.time.Instant;

/** An Elastic IP; the association fields are null while it is not associated. */
public record AddressRecord(
        String allocationId,
        String publicIp,
        String domain,
        String networkBorderGroup,
        Instant allocatedAt,
        String associationId,
        String instanceId,
        String networkInterfaceId,
        String networkInterfaceOwnerId,
        String privateIpAddress) {

    public static final Table<AddressRecord> TABLE = Table.regional("ec2.addresses", AddressRecord.class);

    public boolean associated() {
        return associationId != null;
    }

    public AddressRecord associate(String newAssociationId, String newInstanceId, String eniId, String eniOwnerId, String privateIp) {
        return new AddressRecord(allocationId, publicIp, domain, networkBorderGroup, allocatedAt, newAssociationId, newInstanceId,
                eniId, eniOwnerId, privateIp);
    }

    public AddressRecord disassociate() {
        return new AddressRecord(allocationId, publicIp, domain, networkBorderGroup, allocatedAt, null, null, null, null, null);
    }
}
