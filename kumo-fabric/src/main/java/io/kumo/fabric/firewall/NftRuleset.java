package io.kumo.fabric.firewall;

import java.util.Comparator;
import java.util.List;

/**
 * Renders the firewall of one VPC as an nft script for the VPC's router namespace.
 *
 * <p>The script replaces the whole table in one transaction when loaded with
 * {@code nft -f -}: it declares the table (so the delete cannot fail on a first load), deletes
 * it and defines it again, all in one batch, so no packet ever sees a missing or half-built
 * table. Connection tracking entries live outside the table and survive the swap; since the
 * security-group rules only judge new connections, revoking a rule leaves established
 * connections running and refuses new ones, as on AWS. Network ACLs and routes are judged on
 * every packet and take effect at once, also as on AWS.
 *
 * <p>The forward chain, in order:
 * <ol>
 *   <li>IPv6 is dropped: this firewall carries IPv4 only.</li>
 *   <li>Source checks: a subnet's bridge only carries that subnet's addresses, the internet
 *       gateway never carries the VPC's.</li>
 *   <li>Routes: traffic between the VPC and outside it needs a subnet routing to the internet.</li>
 *   <li>Network ACLs of the subnets the packet leaves and enters (stateless).</li>
 *   <li>Packets of tracked connections pass.</li>
 *   <li>New connections: the sender's security groups, then the receiver's.</li>
 * </ol>
 */
public final class NftRuleset {

    /** The router namespace's link to the internet gateway namespace. */
    public static final String INTERNET_GATEWAY_INTERFACE = "igw0";

    private NftRuleset() {
    }

    /** The script for {@code nft -f -}; the same firewall always gives the same text. */
    public static String render(VpcFirewall firewall) {
        var names = new NftNames();
        var securityGroups = new SecurityGroupChains(firewall, names);
        var networkAcls = new NetworkAclChains(firewall, names);
        String table = "table inet " + firewall.tableName();

        var text = new NftText()
                .comment("Kumo VPC firewall: replaces table inet " + firewall.tableName() + " in one transaction")
                .line(table + " {}")
                .line("delete " + table)
                .open(table);
        renderAddressSets(firewall, text);
        securityGroups.renderSets(text);
        text.blankLine();
        renderForwardChain(firewall, networkAcls, securityGroups, text);
        text.blankLine();
        securityGroups.renderChains(text);
        networkAcls.renderChains(text);
        text.blankLine();
        new RouterServiceChains(firewall).render(text);
        return text.close().toString();
    }

    private static void renderAddressSets(VpcFirewall firewall, NftText text) {
        text.set(NftNames.VPC_CIDRS, true, firewall.blocks().stream().sorted().map(Ipv4Cidr::toString).toList());
        text.set(NftNames.INTERNET_SUBNETS, true, firewall.subnets().stream()
                .filter(Subnet::routesToInternet)
                .map(Subnet::block)
                .sorted()
                .map(Ipv4Cidr::toString)
                .toList());
    }

    private static void renderForwardChain(VpcFirewall firewall, NetworkAclChains networkAcls,
                                           SecurityGroupChains securityGroups, NftText text) {
        text.open("chain " + NftNames.FORWARD)
                .line("type filter hook forward priority filter; policy drop;")
                .line("meta nfproto ipv6 counter drop");

        text.comment("sources must match the link they arrive on");
        List<Subnet> subnets = firewall.subnets().stream().sorted(Comparator.comparing(Subnet::block)).toList();
        for (Subnet subnet : subnets) {
            text.line(NftText.rule("counter drop", "iifname \"" + subnet.bridge() + "\"", "ip saddr != " + subnet.block()));
        }
        text.line(NftText.rule("counter drop", "iifname \"" + INTERNET_GATEWAY_INTERFACE + "\"",
                Peer.SOURCE.inSet(NftNames.VPC_CIDRS)));

        text.comment("routes: only subnets routed to the internet gateway talk to the outside");
        text.line(NftText.rule("counter drop", Peer.SOURCE.notInSet(NftNames.VPC_CIDRS),
                Peer.DESTINATION.notInSet(NftNames.INTERNET_SUBNETS)));
        text.line(NftText.rule("counter drop", Peer.DESTINATION.notInSet(NftNames.VPC_CIDRS),
                Peer.SOURCE.notInSet(NftNames.INTERNET_SUBNETS)));

        text.comment("network ACLs: stateless, so before the connection-tracking shortcut");
        text.lines(networkAcls.dispatch());

        text.comment("security groups are stateful: replies and related ICMP pass");
        text.line("ct state established,related accept");
        text.line("ct state invalid counter drop");

        text.comment("a new connection: the sender's egress rules, then the receiver's ingress rules");
        text.lines(securityGroups.senderStage());
        text.close();
    }
}
