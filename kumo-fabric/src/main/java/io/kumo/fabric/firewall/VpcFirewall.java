package io.kumo.fabric.firewall;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the firewall of one VPC depends on, as rendered by {@link NftRuleset#render}.
 * The constructor checks that the pieces fit together (addresses inside their subnet, subnets
 * inside the VPC, no duplicates), so a rendered ruleset never silently ignores a typo.
 *
 * @param tableName  the nft table in the VPC's router namespace; a plain identifier
 * @param vpcCidrs   the VPC's IPv4 blocks; the first one hosts the resolver at base+2
 * @param subnets    the VPC's subnets
 * @param interfaces every interface attached in the VPC
 * @param groups     the security groups of the VPC
 */
public record VpcFirewall(String tableName, List<String> vpcCidrs, List<Subnet> subnets, List<Interface> interfaces,
                          List<SecurityGroup> groups) {

    public VpcFirewall {
        if (!Objects.requireNonNull(tableName, "tableName").matches("[A-Za-z][A-Za-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not an nft table name: " + tableName);
        }
        vpcCidrs = List.copyOf(vpcCidrs);
        subnets = List.copyOf(subnets);
        interfaces = List.copyOf(interfaces);
        groups = List.copyOf(groups);
        if (vpcCidrs.isEmpty()) {
            throw new IllegalArgumentException("a VPC has at least one CIDR block");
        }
        List<Ipv4Cidr> blocks = disjointBlocks(vpcCidrs.stream().map(Ipv4Cidr::parseCanonical).toList(), "VPC blocks");
        checkSubnets(subnets, blocks);
        checkInterfaces(interfaces, subnets);
        unique(groups.stream().map(SecurityGroup::id).toList(), "security group id");
    }

    List<Ipv4Cidr> blocks() {
        return vpcCidrs.stream().map(Ipv4Cidr::parse).toList();
    }

    private static void checkSubnets(List<Subnet> subnets, List<Ipv4Cidr> blocks) {
        unique(subnets.stream().map(Subnet::id).toList(), "subnet id");
        unique(subnets.stream().map(Subnet::bridge).toList(), "bridge");
        disjointBlocks(subnets.stream().map(Subnet::block).toList(), "subnets");
        for (Subnet subnet : subnets) {
            if (blocks.stream().noneMatch(block -> block.contains(subnet.block()))) {
                throw new IllegalArgumentException("subnet " + subnet.id() + " lies outside the VPC");
            }
        }
    }

    private static void checkInterfaces(List<Interface> interfaces, List<Subnet> subnets) {
        unique(interfaces.stream().map(Interface::address).toList(), "interface address");
        Map<String, Subnet> byId = new HashMap<>();
        subnets.forEach(subnet -> byId.put(subnet.id(), subnet));
        for (Interface eni : interfaces) {
            Subnet subnet = byId.get(eni.subnetId());
            if (subnet == null) {
                throw new IllegalArgumentException("interface " + eni.address() + " is in unknown subnet " + eni.subnetId());
            }
            if (!subnet.block().contains(eni.numericAddress())) {
                throw new IllegalArgumentException("interface " + eni.address() + " lies outside " + subnet.cidr());
            }
        }
    }

    private static List<Ipv4Cidr> disjointBlocks(List<Ipv4Cidr> blocks, String what) {
        var seen = new ArrayList<Ipv4Cidr>();
        for (Ipv4Cidr block : blocks) {
            if (seen.stream().anyMatch(block::overlaps)) {
                throw new IllegalArgumentException("overlapping " + what + ": " + block);
            }
            seen.add(block);
        }
        return seen;
    }

    private static void unique(List<String> values, String what) {
        var seen = new HashSet<String>();
        for (String value : values) {
            if (!seen.add(value)) {
                throw new IllegalArgumentException("duplicate " + what + ": " + value);
            }
        }
    }
}
