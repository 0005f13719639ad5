package io.kumo.fabric.firewall;

import java.util.List;
import java.util.Objects;

/**
 * One network ACL entry. Entries of a direction are tried in {@code ruleNumber} order and the
 * first that matches decides; a packet no entry matches is denied.
 *
 * @param ruleNumber 1 to 32766, unique per direction
 * @param egress     true for traffic leaving the subnet, false for traffic entering it
 * @param protocol   as in {@link Rule#protocol()}
 * @param fromPort   destination port range start (ICMP type), -1 when none
 * @param toPort     destination port range end (ICMP code), -1 when none
 * @param cidr       the other end: the destination for egress, the source for ingress. An IPv6
 *                   CIDR makes the entry inert
 * @param allow      allow, or deny
 */
public record AclEntry(int ruleNumber, boolean egress, String protocol, int fromPort, int toPort, String cidr,
                       boolean allow) {

    public AclEntry {
        if (ruleNumber < 1 || ruleNumber > 32766) {
            throw new IllegalArgumentException("ACL rule number out of range: " + ruleNumber);
        }
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cidr, "cidr");
        TrafficMatch.of(protocol, fromPort, toPort);
        Ipv4Cidr.checkRuleCidr(cidr);
    }

    /** The default network ACL: rule 100 allows everything in each direction. */
    public static List<AclEntry> defaultAcl() {
        return List.of(
                new AclEntry(100, false, "-1", -1, -1, "0.0.0.0/0", true),
                new AclEntry(100, true, "-1", -1, -1, "0.0.0.0/0", true));
    }
}
