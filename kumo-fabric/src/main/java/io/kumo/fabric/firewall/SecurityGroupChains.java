package io.kumo.fabric.firewall;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Security groups as nft sets and chains.
 *
 * <p>Each group has a set of its members' addresses, so a membership change is a set change.
 * A new connection goes through two stages, the sender's egress and then the receiver's ingress:
 * the forward chain jumps into the egress chain of every group the sender is a member of, and
 * the first rule that matches continues with {@code goto} into the receiver stage (nft has no
 * "return two levels"). The receiver stage jumps into the ingress chains of the receiver's
 * groups, where a match accepts. Falling through either stage drops. Addresses outside the VPC
 * have no groups: the internet side of a connection is checked by the VPC side only.
 */
final class SecurityGroupChains {

    private final NftNames names;
    private final List<SecurityGroup> groups;
    private final SortedMap<String, List<Interface>> membersByGroup = new TreeMap<>();

    SecurityGroupChains(VpcFirewall firewall, NftNames names) {
        this.names = names;
        this.groups = firewall.groups().stream().sorted(Comparator.comparing(SecurityGroup::id)).toList();
        // A set for every group mentioned anywhere: a referenced group without members must still exist.
        groups.forEach(group -> membersByGroup.put(group.id(), new ArrayList<>()));
        for (SecurityGroup group : groups) {
            for (Rule rule : concat(group.ingress(), group.egress())) {
                if (rule.referencedGroupId() != null) {
                    membersByGroup.putIfAbsent(rule.referencedGroupId(), new ArrayList<>());
                }
            }
        }
        for (Interface eni : firewall.interfaces()) {
            for (String groupId : eni.groupIds()) {
                membersByGroup.computeIfAbsent(groupId, id -> new ArrayList<>()).add(eni);
            }
        }
    }

    void renderSets(NftText text) {
        membersByGroup.forEach((groupId, members) -> text.set(names.members(groupId), false,
                members.stream()
                        .map(Interface::numericAddress)
                        .sorted(Integer::compareUnsigned)
                        .distinct()
                        .map(Ipv4Cidr::formatAddress)
                        .toList()));
    }

    /** The sender stage, as the tail of the forward chain. */
    List<String> senderStage() {
        var lines = new ArrayList<String>();
        lines.add(NftText.rule("goto " + NftNames.RECEIVER, Peer.SOURCE.notInSet(NftNames.VPC_CIDRS)));
        for (SecurityGroup group : groups) {
            lines.add(NftText.rule("jump " + names.groupEgress(group.id()), Peer.SOURCE.inSet(names.members(group.id()))));
        }
        lines.add("counter drop comment \"no egress rule of the sender allows it\"");
        return lines;
    }

    void renderChains(NftText text) {
        text.open("chain " + NftNames.RECEIVER)
                .line(NftText.rule("accept", Peer.DESTINATION.notInSet(NftNames.VPC_CIDRS)));
        for (SecurityGroup group : groups) {
            text.line(NftText.rule("jump " + names.groupIngress(group.id()),
                    Peer.DESTINATION.inSet(names.members(group.id()))));
        }
        text.line("counter drop comment \"no ingress rule of the receiver allows it\"").close();
        for (SecurityGroup group : groups) {
            text.blankLine();
            chain(text, names.groupEgress(group.id()), group.egress(), Peer.DESTINATION, "goto " + NftNames.RECEIVER);
            text.blankLine();
            chain(text, names.groupIngress(group.id()), group.ingress(), Peer.SOURCE, "accept");
        }
    }

    private void chain(NftText text, String name, List<Rule> rules, Peer peer, String verdictOnMatch) {
        text.open("chain " + name);
        for (Rule rule : rules) {
            ruleLine(rule, peer, verdictOnMatch).ifPresent(text::line);
        }
        text.close();
    }

    /** Empty for a rule this IPv4 firewall cannot express (an IPv6 peer or ICMPv6). */
    private Optional<String> ruleLine(Rule rule, Peer peer, String verdict) {
        Optional<String> address = rule.cidr() != null
                ? peer.cidr(rule.cidr())
                : Optional.of(peer.inSet(names.members(rule.referencedGroupId())));
        Optional<TrafficMatch> traffic = TrafficMatch.of(rule.protocol(), rule.fromPort(), rule.toPort());
        if (address.isEmpty() || traffic.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(NftText.rule(verdict, address.get(), traffic.get().expression()));
    }

    private static List<Rule> concat(List<Rule> first, List<Rule> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
