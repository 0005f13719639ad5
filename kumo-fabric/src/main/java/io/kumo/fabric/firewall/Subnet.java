package io.kumo.fabric.firewall;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A subnet as the firewall sees it.
 *
 * @param id               the subnet id
 * @param cidr             its IPv4 block, without host bits
 * @param bridge           the Linux bridge holding its instances in the router namespace
 * @param routesToInternet its route table sends 0.0.0.0/0 (or a route covering the peer) to an
 *                         attached internet gateway
 * @param networkAcl       the entries of the network ACL associated with it
 */
public record Subnet(String id, String cidr, String bridge, boolean routesToInternet, List<AclEntry> networkAcl) {

    public Subnet {
        Objects.requireNonNull(id, "id");
        Ipv4Cidr.parseCanonical(Objects.requireNonNull(cidr, "cidr"));
        if (!Objects.requireNonNull(bridge, "bridge").matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,14}")) {
            throw new IllegalArgumentException("not a Linux interface name: " + bridge);
        }
        networkAcl = List.copyOf(networkAcl);
        var seen = new HashSet<String>();
        for (AclEntry entry : networkAcl) {
            if (!seen.add(entry.egress() + "/" + entry.ruleNumber())) {
                throw new IllegalArgumentException("duplicate ACL rule number " + entry.ruleNumber() + " in " + id);
            }
        }
    }

    Ipv4Cidr block() {
        return Ipv4Cidr.parse(cidr);
    }
}
