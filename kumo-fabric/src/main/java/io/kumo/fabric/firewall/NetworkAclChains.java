package io.kumo.fabric.firewall;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Network ACLs as nft chains: per subnet one chain for packets leaving it and one for packets
 * entering it. An allowing entry returns to the forward chain, a denying one drops, and the end
 * of the chain is the implicit deny. Packets between two addresses of the same subnet never
 * cross its boundary, so each chain first lets those through untouched.
 *
 * <p>ACLs are stateless: the forward chain consults them for every packet, replies included,
 * before the connection-tracking shortcut.
 */
final class NetworkAclChains {

    private final NftNames names;
    private final List<Subnet> subnets;

    NetworkAclChains(VpcFirewall firewall, NftNames names) {
        this.names = names;
        this.subnets = firewall.subnets().stream().sorted(Comparator.comparing(Subnet::block)).toList();
    }

    /** Lines of the forward chain sending each packet through the ACLs it crosses. */
    List<String> dispatch() {
        if (subnets.isEmpty()) {
            return List.of(); // nft refuses an empty verdict map
        }
        return List.of(
                Peer.SOURCE.field() + " vmap " + verdictMap(subnet -> names.aclEgress(subnet.id())),
                Peer.DESTINATION.field() + " vmap " + verdictMap(subnet -> names.aclIngress(subnet.id())));
    }

    void renderChains(NftText text) {
        for (Subnet subnet : subnets.stream().sorted(Comparator.comparing(Subnet::id)).toList()) {
            text.blankLine();
            chain(text, subnet, true);
            text.blankLine();
            chain(text, subnet, false);
        }
    }

    private String verdictMap(Function<Subnet, String> chain) {
        return NftText.anonymousSet(subnets.stream().map(subnet -> subnet.block() + " : jump " + chain.apply(subnet)).toList());
    }

    private void chain(NftText text, Subnet subnet, boolean egress) {
        Peer otherEnd = egress ? Peer.DESTINATION : Peer.SOURCE;
        text.open("chain " + (egress ? names.aclEgress(subnet.id()) : names.aclIngress(subnet.id())));
        text.line(NftText.rule("return", otherEnd.field() + " " + subnet.block()));
        subnet.networkAcl().stream()
                .filter(entry -> entry.egress() == egress)
                .sorted(Comparator.comparingInt(AclEntry::ruleNumber))
                .map(entry -> entryLine(entry, otherEnd))
                .flatMap(Optional::stream)
                .forEach(text::line);
        text.line("counter drop comment \"implicit deny\"").close();
    }

    private static Optional<String> entryLine(AclEntry entry, Peer otherEnd) {
        Optional<String> address = otherEnd.cidr(entry.cidr());
        Optional<TrafficMatch> traffic = TrafficMatch.of(entry.protocol(), entry.fromPort(), entry.toPort());
        if (address.isEmpty() || traffic.isEmpty()) {
            return Optional.empty();
        }
        String verdict = (entry.allow() ? "return" : "drop") + " comment \"rule " + entry.ruleNumber() + "\"";
        return Optional.of(NftText.rule(verdict, address.get(), traffic.get().expression()));
    }
}
