package io.kumo.fabric.firewall;

import java.util.Comparator;
import java.util.List;

/**
 * What instances may reach on the router namespace itself: the VPC resolver, instance metadata
 * and a ping of their gateway. Those packets take the input hook, never the forward chain, so
 * neither security groups nor network ACLs see them (AWS exempts these services from both too).
 * Only packets arriving from the subnets' bridges are filtered; the rest of the router's input
 * (loopback, the internet gateway link) belongs to whoever runs the namespace.
 */
final class RouterServiceChains {

    static final String METADATA_ADDRESS = "169.254.169.254";

    private final Ipv4Cidr firstVpcBlock;
    private final List<Subnet> subnets;

    RouterServiceChains(VpcFirewall firewall) {
        this.firstVpcBlock = firewall.blocks().getFirst();
        this.subnets = firewall.subnets().stream().sorted(Comparator.comparing(Subnet::block)).toList();
    }

    void render(NftText text) {
        text.open("chain " + NftNames.INPUT)
                .line("type filter hook input priority filter; policy accept;")
                // replies to connections the router opened itself (health checks, proxies)
                .line("ct state established,related accept");
        if (!subnets.isEmpty()) {
            List<String> bridges = subnets.stream().map(subnet -> "\"" + subnet.bridge() + "\"").toList();
            text.line(NftText.rule("jump " + NftNames.ROUTER_SERVICES, "iifname " + NftText.anonymousSet(bridges)));
        }
        text.close().blankLine();

        String resolver = Ipv4Cidr.formatAddress(firstVpcBlock.hostAddress(2));
        text.open("chain " + NftNames.ROUTER_SERVICES)
                .line("ip daddr " + resolver + " meta l4proto { tcp, udp } th dport 53 accept")
                .line("ip daddr " + METADATA_ADDRESS + " tcp dport 80 accept");
        if (!subnets.isEmpty()) {
            List<String> gateways = subnets.stream()
                    .map(subnet -> Ipv4Cidr.formatAddress(subnet.block().hostAddress(1)))
                    .toList();
            text.line("ip daddr " + NftText.anonymousSet(gateways) + " icmp type echo-request accept");
        }
        text.line("counter drop comment \"nothing else of the router is reachable from the subnets\"").close();
    }
}
