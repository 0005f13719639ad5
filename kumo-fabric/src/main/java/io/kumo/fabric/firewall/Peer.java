package io.kumo.fabric.firewall;

import java.util.Optional;

/** Which address of a packet a rule's CIDR or group applies to: where it comes from or goes to. */
enum Peer {
    SOURCE("ip saddr"),
    DESTINATION("ip daddr");

    private final String field;

    Peer(String field) {
        this.field = field;
    }

    /** Empty for an IPv6 CIDR (the rule is skipped); an empty match for 0.0.0.0/0. */
    Optional<String> cidr(String cidr) {
        if (Ipv4Cidr.isIpv6(cidr)) {
            return Optional.empty();
        }
        Ipv4Cidr parsed = Ipv4Cidr.parse(cidr.strip());
        return Optional.of(parsed.equals(Ipv4Cidr.ANYWHERE) ? "" : field + " " + parsed);
    }

    String inSet(String setName) {
        return field + " @" + setName;
    }

    String notInSet(String setName) {
        return field + " != @" + setName;
    }

    String field() {
        return field;
    }
}
