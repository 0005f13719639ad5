package io.kumo.ec2.network.nacl;

import io.kumo.core.Ids;
import io.kumo.core.store.Tx;
import io.kumo.ec2.network.nacl.NetworkAclRecord.Association;
import io.kumo.ec2.network.nacl.NetworkAclRecord.Entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Creating ACLs and keeping every subnet associated with exactly one of them. */
public final class NetworkAcls {
    public static final String ALLOW = "allow";
    public static final String DENY = "deny";
    public static final String ALL_PROTOCOLS = "-1";
    public static final String ANY_IPV4 = "0.0.0.0/0";
    public static final String ANY_IPV6 = "::/0";

    private NetworkAcls() {
    }

    /** The ACL a new VPC gets: allow everything (rule 100, and 101 for IPv6), then the catch-all deny. */
    public static NetworkAclRecord createDefault(Tx tx, String vpcId, String ownerId, boolean ipv6, Instant now) {
        List<Entry> entries = new ArrayList<>();
        for (boolean egress : new boolean[] {false, true}) {
            entries.add(entry(100, egress, ALLOW, ANY_IPV4, null));
            if (ipv6) {
                entries.add(entry(101, egress, ALLOW, null, ANY_IPV6));
            }
        }
        return create(tx, vpcId, ownerId, true, entries, ipv6, now);
    }

    /** A custom ACL: nothing but the catch-all deny rules. */
    public static NetworkAclRecord createCustom(Tx tx, String vpcId, String ownerId, boolean ipv6, Instant now) {
        return create(tx, vpcId, ownerId, false, List.of(), ipv6, now);
    }

    private static NetworkAclRecord create(Tx tx, String vpcId, String ownerId, boolean isDefault, List<Entry> allowRules,
                                           boolean ipv6, Instant now) {
        List<Entry> entries = new ArrayList<>(allowRules);
        for (boolean egress : new boolean[] {false, true}) {
            entries.add(entry(NetworkAclRecord.LAST_RULE_IPV4, egress, DENY, ANY_IPV4, null));
            if (ipv6) {
                entries.add(entry(NetworkAclRecord.LAST_RULE_IPV6, egress, DENY, null, ANY_IPV6));
            }
        }
        NetworkAclRecord acl = new NetworkAclRecord(Ids.ec2("acl"), vpcId, ownerId, isDefault, entries, List.of(), now);
        tx.put(NetworkAclRecord.TABLE, acl.networkAclId(), acl);
        return acl;
    }

    /** Adds the IPv6 catch-all rules once a VPC gets an IPv6 block (and the allow rules for a default ACL). */
    public static void addIpv6Rules(Tx tx, String vpcId) {
        for (NetworkAclRecord acl : ofVpc(tx, vpcId)) {
            boolean hasV6 = acl.entries().stream().anyMatch(e -> e.ruleNumber() == NetworkAclRecord.LAST_RULE_IPV6);
            if (hasV6) {
                continue;
            }
            List<Entry> entries = new ArrayList<>(acl.entries());
            for (boolean egress : new boolean[] {false, true}) {
                if (acl.isDefault() && entries.stream().noneMatch(e -> e.ruleNumber() == 101 && e.egress() == egress)) {
                    entries.add(entry(101, egress, ALLOW, null, ANY_IPV6));
                }
                entries.add(entry(NetworkAclRecord.LAST_RULE_IPV6, egress, DENY, null, ANY_IPV6));
            }
            tx.put(NetworkAclRecord.TABLE, acl.networkAclId(), acl.withEntries(entries));
        }
    }

    public static Entry entry(int rule, boolean egress, String action, String cidr, String ipv6Cidr) {
        return new Entry(rule, egress, ALL_PROTOCOLS, action, cidr, ipv6Cidr, null, null, null, null);
    }

    public static List<NetworkAclRecord> ofVpc(Tx tx, String vpcId) {
        return tx.list(NetworkAclRecord.TABLE).stream().filter(a -> a.vpcId().equals(vpcId)).toList();
    }

    public static Optional<NetworkAclRecord> defaultOf(Tx tx, String vpcId) {
        return ofVpc(tx, vpcId).stream().filter(NetworkAclRecord::isDefault).findFirst();
    }

    public static Optional<NetworkAclRecord> ofSubnet(Tx tx, String subnetId) {
        return tx.list(NetworkAclRecord.TABLE).stream()
                .filter(a -> a.associations().stream().anyMatch(s -> s.subnetId().equals(subnetId)))
                .findFirst();
    }

    /** A new subnet starts with the VPC's default ACL. */
    public static void associateWithDefault(Tx tx, String vpcId, String subnetId) {
        defaultOf(tx, vpcId).ifPresent(acl -> associate(tx, acl, subnetId));
    }

    public static String associate(Tx tx, NetworkAclRecord acl, String subnetId) {
        String id = Ids.ec2("aclassoc");
        List<Association> associations = new ArrayList<>(acl.associations());
        associations.add(new Association(id, subnetId));
        tx.put(NetworkAclRecord.TABLE, acl.networkAclId(), acl.withAssociations(associations));
        return id;
    }

    /** When a subnet goes away its association goes with it. */
    public static void forgetSubnet(Tx tx, String subnetId) {
        ofSubnet(tx, subnetId).ifPresent(acl -> tx.put(NetworkAclRecord.TABLE, acl.networkAclId(), acl.withAssociations(
                acl.associations().stream().filter(a -> !a.subnetId().equals(subnetId)).toList())));
    }
}
