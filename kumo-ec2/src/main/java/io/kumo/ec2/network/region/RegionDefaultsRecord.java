package io.kumo.ec2.network.region;

import io.kumo.core.store.Table;

import java.time.Instant;

/**
 * Marks an account's region as set up (default VPC and its companions created), so that neither
 * a restart nor deleting the default VPC makes Kumo create them again.
 */
public record RegionDefaultsRecord(String id, String dhcpOptionsId, Instant createdAt) {
    public static final Table<RegionDefaultsRecord> TABLE = Table.regional("ec2.region-defaults", RegionDefaultsRecord.class);
    public static final String ID = "defaults";
}
