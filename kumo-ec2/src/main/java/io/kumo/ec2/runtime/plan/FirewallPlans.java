package io.kumo.ec2.runtime.plan;

import io.kumo.ec2.network.sg.RuleSources;
import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.eni.NetworkInterfaceRecord;
import io.kumo.ec2.network.nacl.NetworkAclRecord;
import io.kumo.ec2.network.sg.SecurityGroupRecord;
import io.kumo.ec2.runtime.host.FabricNames;
import io.kumo.fabric.firewall.AclEntry;
import io.kumo.fabric.firewall.Interface;
import io.kumo.fabric.firewall.Rule;
import io.kumo.fabric.firewall.SecurityGroup;
import io.kumo.fabric.firewall.Subnet;
import io.kumo.fabric.firewall.VpcFirewall;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A VPC's security groups, network ACLs, routes and interfaces as its router's firewall needs
 * them. A rule naming a prefix list stands for one rule per IPv4 entry of the list, as it is now.
 * IPv6 rules are left out: Kumo's VPCs carry IPv4 only.
 */
public final class FirewallPlans {
    public static final String TABLE = "kumo_vpc";

    private FirewallPlans() {
    }

    public static Map<String, VpcFirewall> read(Tx tx, Map<String, VpcPlan> vpcs, Set<String> liveInterfaces) {
        Map<String, List<SecurityGroupRecord>> groupsByVpc = new HashMap<>();
        tx.scanAll(SecurityGroupRecord.TABLE).values().forEach(l -> l.forEach(g -> groupsByVpc.computeIfAbsent(g.vpcId(), k -> new ArrayList<>()).add(g)));
        Map<String, NetworkAclRecord> aclOfSubnet = new HashMap<>();
        tx.scanAll(NetworkAclRecord.TABLE).values().forEach(l -> l.forEach(acl -> acl.associations()
                .forEach(a -> aclOfSubnet.put(a.subnetId(), acl))));
        Map<String, List<Interface>> interfacesByVpc = new HashMap<>();
        tx.scanAll(NetworkInterfaceRecord.TABLE).values().forEach(l -> l.forEach(eni -> {
            if (liveInterfaces.contains(eni.networkInterfaceId()) && vpcs.containsKey(eni.vpcId())) {
                interfacesByVpc.computeIfAbsent(eni.vpcId(), k -> new ArrayList<>())
                        .add(new Interface(eni.privateIpAddress(), eni.subnetId(), eni.groupIds()));
            }
        }));
        RuleSources sources = RuleSources.read(tx);
        Map<String, VpcFirewall> out = new HashMap<>();
        for (VpcPlan vpc : vpcs.values()) {
            List<Subnet> subnets = vpc.subnets().stream().map(s -> new Subnet(s.subnetId(), s.cidr().toString(),
                    FabricNames.bridge(s.subnetId()), s.routesToInternet(), acl(aclOfSubnet.get(s.subnetId())))).toList();
            List<SecurityGroup> groups = groupsByVpc.getOrDefault(vpc.vpcId(), List.of()).stream()
                    .map(g -> group(g, sources)).toList();
            out.put(vpc.vpcId(), new VpcFirewall(TABLE, vpc.cidrs().stream().map(Object::toString).toList(), subnets,
                    interfacesByVpc.getOrDefault(vpc.vpcId(), List.of()), groups));
        }
        return out;
    }

    private static SecurityGroup group(SecurityGroupRecord g, RuleSources sources) {
        List<Rule> ingress = new ArrayList<>();
        List<Rule> egress = new ArrayList<>();
        for (SecurityGroupRecord.SecurityGroupRule r : g.rules()) {
            List<Rule> rules = new ArrayList<>();
            if (r.referencedGroupId() != null) {
                rules.add(Rule.fromGroup(r.ipProtocol(), r.fromPort(), r.toPort(), r.referencedGroupId()));
            }
            for (String cidr : sources.cidrs(r)) {
                rules.add(Rule.fromCidr(r.ipProtocol(), r.fromPort(), r.toPort(), cidr));
            }
            (r.egress() ? egress : ingress).addAll(rules);
        }
        return new SecurityGroup(g.groupId(), ingress, egress);
    }

    private static List<AclEntry> acl(NetworkAclRecord acl) {
        if (acl == null) {
            return AclEntry.defaultAcl();
        }
        List<AclEntry> entries = new ArrayList<>();
        for (NetworkAclRecord.Entry e : acl.entries()) {
            if (e.cidrBlock() == null || e.ruleNumber() >= NetworkAclRecord.LAST_RULE_IPV4) {
                continue; // the closing deny-all is implied by the firewall itself
            }
            String protocol = switch (e.protocol()) {
                case "6" -> "tcp";
                case "17" -> "udp";
                case "1" -> "icmp";
                default -> e.protocol();
            };
            boolean icmp = protocol.equals("icmp");
            int from = icmp ? orAny(e.icmpType()) : orAny(e.portFrom());
            int to = icmp ? orAny(e.icmpCode()) : orAny(e.portTo());
            entries.add(new AclEntry(e.ruleNumber(), e.egress(), protocol, from, to, e.cidrBlock(), "allow".equals(e.ruleAction())));
        }
        return entries;
    }

    private static int orAny(Integer value) {
        return value == null ? -1 : value;
    }
}
