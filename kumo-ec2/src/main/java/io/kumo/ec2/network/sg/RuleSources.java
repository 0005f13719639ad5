package io.kumo.ec2.network.sg;

import io.kumo.core.store.Tx;
import io.kumo.ec2.network.prefixlist.PrefixListRecord;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The IPv4 address ranges a security-group rule names: its CIDR, or the entries of its prefix list
 * as the list is now (a list being modified applies to every rule naming it, as on AWS).
 *
 * @param prefixLists the IPv4 entries of every prefix list, by id
 */
public record RuleSources(Map<String, List<String>> prefixLists) {

    public static RuleSources read(Tx tx) {
        Map<String, List<String>> lists = new HashMap<>();
        tx.scanAll(PrefixListRecord.TABLE).values().forEach(l -> l.stream().filter(p -> "IPv4".equals(p.addressFamily()))
                .forEach(p -> lists.put(p.prefixListId(), p.entries().stream().map(PrefixListRecord.Entry::cidr).toList())));
        return new RuleSources(Map.copyOf(lists));
    }

    /** The rule's IPv4 ranges; empty for a rule naming a group, an IPv6 range or an unknown list. */
    public List<String> cidrs(SecurityGroupRecord.SecurityGroupRule rule) {
        if (rule.cidrIpv4() != null) {
            return List.of(rule.cidrIpv4());
        }
        if (rule.prefixListId() != null) {
            return prefixLists.getOrDefault(rule.prefixListId(), List.of());
        }
        return List.of();
    }
}
