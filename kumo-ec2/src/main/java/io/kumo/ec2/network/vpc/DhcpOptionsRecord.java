package io.kumo.ec2.network.vpc;

import io.kumo.core.store.Table;

import java.util.List;

/** A DHCP options set: its configurations as key and values ("domain-name-servers": ["AmazonProvidedDNS"]). */
public record DhcpOptionsRecord(String dhcpOptionsId, String ownerId, List<Configuration> configurations) {
    public static final Table<DhcpOptionsRecord> TABLE = Table.regional("ec2.dhcp-options", DhcpOptionsRecord.class);

    public DhcpOptionsRecord {
        configurations = List.copyOf(configurations);
    }

    public record Configuration(String key, List<String> values) {
        public Configuration {
            values = List.copyOf(values);
        }
    }
}
