package io.kumo.ec2.compute.address;

import io.kumo.core.AwsException;
import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.ComputeErrors;
import io.kumo.ec2.support.Filters;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.Address;

import java.util.Map;

/** Elastic IP lookups, filters and SDK shape. */
public final class Addresses {
    /** EC2-VPC Elastic IPs per region of a new account. */
    public static final int LIMIT = 5;

    private Addresses() {
    }

    public static AddressRecord byAllocationId(Tx tx, String allocationId) {
        return tx.get(AddressRecord.TABLE, allocationId).orElseThrow(() -> ComputeErrors.allocationNotFound(allocationId));
    }

    public static AddressRecord byPublicIp(Tx tx, String publicIp) {
        return tx.list(AddressRecord.TABLE).stream().filter(a -> a.publicIp().equals(publicIp)).findFirst()
                .orElseThrow(() -> AwsException.badRequest("InvalidAddress.NotFound", "Address '" + publicIp + "' not found."));
    }

    /** The address AllocationId names, or (the deprecated form) PublicIp. */
    public static AddressRecord require(Tx tx, String allocationId, String publicIp, String parameterName) {
        if (allocationId != null) {
            return byAllocationId(tx, allocationId);
        }
        if (publicIp != null) {
            return byPublicIp(tx, publicIp);
        }
        throw io.kumo.ec2.support.Ec2Errors.missingParameter(parameterName);
    }

    public record Described(AddressRecord address, Map<String, String> tags) {
        public static Described of(Tx tx, AddressRecord a) {
            return new Described(a, Tags.of(tx, a.allocationId()));
        }
    }

    public static final Filters<Described> FILTERS = Filters.<Described>forType(Described::tags)
            .one("allocation-id", d -> d.address().allocationId())
            .one("association-id", d -> d.address().associationId())
            .one("domain", d -> d.address().domain())
            .one("instance-id", d -> d.address().instanceId())
            .one("network-interface-id", d -> d.address().networkInterfaceId())
            .one("network-interface-owner-id", d -> d.address().networkInterfaceOwnerId())
            .one("private-ip-address", d -> d.address().privateIpAddress())
            .one("public-ip", d -> d.address().publicIp())
            .one("network-border-group", d -> d.address().networkBorderGroup())
            .one("public-ipv4-pool", d -> "amazon");

    public static Address toSdk(Described d) {
        AddressRecord a = d.address();
        return Address.builder()
                .allocationId(a.allocationId())
                .publicIp(a.publicIp())
                .domain(a.domain())
                .networkBorderGroup(a.networkBorderGroup())
                .publicIpv4Pool("amazon")
                .associationId(a.associationId())
                .instanceId(a.instanceId())
                .networkInterfaceId(a.networkInterfaceId())
                .networkInterfaceOwnerId(a.networkInterfaceOwnerId())
                .privateIpAddress(a.privateIpAddress())
                .tags(Tags.toSdk(d.tags()))
                .build();
    }
}
