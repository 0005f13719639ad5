package io.kumo.ec2.network.nacl;

import io.kumo.core.store.Table;

import java.time.Instant;
import java.util.List;

/**
 * A network ACL with its numbered entries and the subnets associated with it. Every subnet is
 * associated with exactly one ACL of its VPC: the default one unless replaced.
 */
public record NetworkAclRecord(
        String networkAclId,
        String vpcId,
        String ownerId,
        boolean isDefault,
        List<Entry> entries,
        List<Association> associations,
        Instant createdAt) {

    public static final Table<NetworkAclRecord> TABLE = Table.regional("ec2.network-acls", NetworkAclRecord.class);

    /** The catch-all rules every ACL ends with; they cannot be changed. */
    public static final int LAST_RULE_IPV4 = 32767;
    public static final int LAST_RULE_IPV6 = 32768;

    public NetworkAclRecord {
        entries = List.copyOf(entries);
        associations = List.copyOf(associations);
    }

    /**
     * One entry. {@code protocol} is a protocol number as text, or "-1" for all; ICMP type/code and
     * port range are null when not given.
     */
    public record Entry(
            int ruleNumber,
            boolean egress,
            String protocol,
            String ruleAction,
            String cidrBlock,
            String ipv6CidrBlock,
            Integer icmpType,
            Integer icmpCode,
            Integer portFrom,
            Integer portTo) {
    }

    /** "aclassoc-..." with the subnet it binds. */
    public record Association(String associationId, String subnetId) {
    }

    public NetworkAclRecord withEntries(List<Entry> newEntries) {
        return new NetworkAclRecord(networkAclId, vpcId, ownerId, isDefault, newEntries, associations, createdAt);
    }

    public NetworkAclRecord withAssociations(List<Association> newAssociations) {
        return new NetworkAclRecord(networkAclId, vpcId, ownerId, isDefault, entries, newAssociations, createdAt);
    }
}
