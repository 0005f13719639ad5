package io.kumo.fabric.firewall;

import java.util.List;
import java.util.Objects;

/**
 * A security group: allow-only rules for connections into ({@code ingress}) and out of
 * ({@code egress}) the interfaces that carry it. Order of rules does not matter.
 */
public record SecurityGroup(String id, List<Rule> ingress, List<Rule> egress) {

    public SecurityGroup {
        Objects.requireNonNull(id, "id");
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }
}
