package io.kumo.ec2.compute.address;

import io.kumo.core.store.Table;

/**
 * One address of Kumo's public pool in use, by whichever account and region: the pool is shared
 * by the whole Kumo so no two resources ever show the same public IP.
 *
 * @param holderId the network interface (auto-assigned) or the allocation (Elastic IP) holding it
 */
public record PublicIpLease(String publicIp, String account, String region, String holderId) {
    public static final Table<PublicIpLease> TABLE = Table.global("ec2.public-ip-leases", PublicIpLease.class);
}
