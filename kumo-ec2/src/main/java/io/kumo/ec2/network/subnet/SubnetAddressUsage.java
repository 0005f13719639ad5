package io.kumo.ec2.network.subnet;

import io.kumo.core.store.Table;

import java.util.List;

/** The private IPv4 addresses in use in one subnet, ascending. Kept apart so the subnet record stays small. */
public record SubnetAddressUsage(String subnetId, List<String> addresses) {
    public static final Table<SubnetAddressUsage> TABLE = Table.regional("ec2.subnet-addresses", SubnetAddressUsage.class);

    public SubnetAddressUsage {
        addresses = List.copyOf(addresses);
    }
}
