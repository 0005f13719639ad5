package io.kumo.fabric.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NftRulesetTest {

    private final String seed = NftRuleset.render(new SeedVpc().build());

    @Test
    void replacesTheWholeTableInOneScript() {
        assertThat(seed.lines().filter(line -> !line.startsWith("#")).limit(3)).containsExactly(
                "table inet kumo_vpc_test {}",
                "delete table inet kumo_vpc_test",
                "table inet kumo_vpc_test {");
        assertThat(seed).endsWith("}\n");
    }

    @Test
    void sameFirewallGivesTheSameTextWhateverTheOrderOfItsLists() {
        VpcFirewall original = new SeedVpc().build();
        VpcFirewall shuffled = new VpcFirewall(original.tableName(), original.vpcCidrs(),
                shuffle(original.subnets()), shuffle(original.interfaces()), shuffle(original.groups()));

        assertThat(NftRuleset.render(shuffled)).isEqualTo(NftRuleset.render(original)).isEqualTo(seed);
    }

    @Nested
    class SecurityGroups {

        @Test
        void membershipIsASetOfMemberAddresses() {
            assertThat(block("set members_sg_web")).contains("elements = { 10.0.1.10 }");
            assertThat(NftRuleset.render(new SeedVpc().otherInWebGroup().build()))
                    .contains("elements = { 10.0.1.10, 10.0.1.20 }");
        }

        @Test
        void aGroupWithoutMembersIsAnEmptySetThatMatchesNothing() {
            assertThat(block("set members_sg_elb")).doesNotContain("elements");
            assertThat(seed).doesNotContain("{ }");
        }

        @Test
        void aReferencedGroupIsMatchedThroughItsMemberSet() {
            assertThat(block("chain ingress_sg_db")).contains("ip saddr @members_sg_web tcp dport 3306-3307 accept");
            assertThat(block("chain egress_sg_web")).contains("ip daddr @members_sg_db tcp dport 3306-3307 goto receiver_ingress");
        }

        @Test
        void anywhereNeedsNoAddressMatch() {
            assertThat(block("chain ingress_sg_web")).contains("    tcp dport 22 accept", "    tcp dport 80 accept");
            assertThat(block("chain egress_sg_db")).contains("    goto receiver_ingress");
        }

        @Test
        void aNewConnectionNeedsTheSendersEgressThenTheReceiversIngress() {
            String forward = block("chain forward");
            assertThat(forward).contains(
                    "ip saddr != @vpc_cidrs goto receiver_ingress",
                    "ip saddr @members_sg_web jump egress_sg_web",
                    "counter drop comment \"no egress rule of the sender allows it\"");
            assertThat(block("chain receiver_ingress")).contains(
                    "ip daddr != @vpc_cidrs accept",
                    "ip daddr @members_sg_db jump ingress_sg_db",
                    "counter drop comment \"no ingress rule of the receiver allows it\"");
            assertThat(forward).contains("type filter hook forward priority filter; policy drop;");
        }

        @Test
        void repliesOfTrackedConnectionsPassBeforeAnyGroupIsConsulted() {
            String forward = block("chain forward");
            assertThat(forward.indexOf("ct state established,related accept"))
                    .isLessThan(forward.indexOf("jump egress_sg_"));
        }

        @Test
        void revokingARuleOnlyChangesTheRulesForNewConnections() {
            String revoked = NftRuleset.render(new SeedVpc().withoutDbRuleForWeb().build());
            assertThat(revoked).doesNotContain("ip saddr @members_sg_web tcp dport 3306-3307 accept");
            // nothing in the script flushes connection tracking: established connections stay
            assertThat(revoked).doesNotContain("flush", "ct state new");
        }

        @Test
        void ipv6RulesAreLeftOut() {
            assertThat(block("chain ingress_sg_elb")).containsOnlyOnce("tcp dport 443 accept").doesNotContain("::");
            // first rule of the chain, so no accept further down can let IPv6 through
            assertThat(block("chain forward").lines().skip(2).findFirst()).hasValue("        meta nfproto ipv6 counter drop");
        }
    }

    @Nested
    class NetworkAcls {

        @Test
        void areCheckedOnEveryPacketBeforeTrackedConnectionsPass() {
            String forward = block("chain forward");
            assertThat(forward.indexOf("ip saddr vmap { 10.0.1.0/24 : jump nacl_out_subnet_public, 10.0.2.0/24 : jump nacl_out_subnet_private }"))
                    .isPositive()
                    .isLessThan(forward.indexOf("ct state established"));
            assertThat(forward.indexOf("ip daddr vmap { 10.0.1.0/24 : jump nacl_in_subnet_public, 10.0.2.0/24 : jump nacl_in_subnet_private }"))
                    .isPositive()
                    .isLessThan(forward.indexOf("ct state established"));
        }

        @Test
        void entriesRunInRuleNumberOrderThenTheImplicitDeny() {
            assertThat(block("chain nacl_in_subnet_private")).isEqualTo(String.join("\n",
                    "chain nacl_in_subnet_private {",
                    "        ip saddr 10.0.2.0/24 return",
                    "        tcp dport 3307 drop comment \"rule 90\"",
                    "        return comment \"rule 100\"",
                    "        counter drop comment \"implicit deny\"",
                    "    }"));
        }

        @Test
        void trafficInsideTheSubnetIsNotFiltered() {
            assertThat(block("chain nacl_out_subnet_public").lines().skip(1).findFirst())
                    .hasValue("        ip daddr 10.0.1.0/24 return");
            assertThat(block("chain nacl_in_subnet_public").lines().skip(1).findFirst())
                    .hasValue("        ip saddr 10.0.1.0/24 return");
        }

        @Test
        void egressEntriesMatchTheDestination() {
            String denied = NftRuleset.render(new SeedVpc().privateDeniesEphemeralOut().build());
            assertThat(block(denied, "chain nacl_out_subnet_private"))
                    .contains("ip daddr 10.0.1.0/24 tcp dport 1024-65535 drop comment \"rule 80\"");
        }
    }

    @Nested
    class RoutesAndSources {

        @Test
        void onlySubnetsRoutedToTheInternetTalkToTheOutside() {
            assertThat(block("set internet_subnets")).contains("elements = { 10.0.1.0/24 }");
            assertThat(block("chain forward")).contains(
                    "ip saddr != @vpc_cidrs ip daddr != @internet_subnets counter drop",
                    "ip daddr != @vpc_cidrs ip saddr != @internet_subnets counter drop");
            assertThat(NftRuleset.render(new SeedVpc().privateRoutedToInternet().build()))
                    .contains("elements = { 10.0.1.0/24, 10.0.2.0/24 }");
        }

        @Test
        void aBridgeOnlyCarriesItsSubnetAndTheGatewayNeverCarriesTheVpc() {
            assertThat(block("chain forward")).contains(
                    "iifname \"b-pub\" ip saddr != 10.0.1.0/24 counter drop",
                    "iifname \"b-priv\" ip saddr != 10.0.2.0/24 counter drop",
                    "iifname \"igw0\" ip saddr @vpc_cidrs counter drop");
        }

        @Test
        void routesAndSourceChecksComeBeforeTrackedConnectionsPass() {
            String forward = block("chain forward");
            assertThat(forward.indexOf("@internet_subnets")).isLessThan(forward.indexOf("ct state established"));
        }
    }

    @Nested
    class RouterServices {

        @Test
        void resolverMetadataAndGatewayPingAreReachableFromEverySubnet() {
            assertThat(block("chain input")).contains(
                    "type filter hook input priority filter; policy accept;",
                    "iifname { \"b-pub\", \"b-priv\" } jump router_services");
            assertThat(block("chain router_services")).contains(
                    "ip daddr 10.0.0.2 meta l4proto { tcp, udp } th dport 53 accept",
                    "ip daddr 169.254.169.254 tcp dport 80 accept",
                    "ip daddr { 10.0.1.1, 10.0.2.1 } icmp type echo-request accept",
                    "counter drop");
        }

        @Test
        void theResolverSitsInTheFirstVpcBlock() {
            VpcFirewall twoBlocks = new VpcFirewall("t", List.of("172.16.0.0/16", "10.0.0.0/16"), List.of(), List.of(), List.of());
            assertThat(NftRuleset.render(twoBlocks))
                    .contains("ip daddr 172.16.0.2 meta l4proto { tcp, udp } th dport 53 accept")
                    .contains("elements = { 10.0.0.0/16, 172.16.0.0/16 }");
        }
    }

    @Nested
    class Protocols {

        @Test
        void awsProtocolSpellingsBecomeNftMatches() {
            assertThat(traffic("tcp", 22, 22)).isEqualTo("tcp dport 22");
            assertThat(traffic("6", 1024, 65535)).isEqualTo("tcp dport 1024-65535");
            assertThat(traffic("tcp", 0, 65535)).isEqualTo("meta l4proto tcp");
            assertThat(traffic("UDP", -1, -1)).isEqualTo("meta l4proto udp");
            assertThat(traffic("17", 53, 53)).isEqualTo("udp dport 53");
            assertThat(traffic("icmp", -1, -1)).isEqualTo("meta l4proto icmp");
            assertThat(traffic("icmp", 8, -1)).isEqualTo("icmp type 8");
            assertThat(traffic("1", 3, 4)).isEqualTo("icmp type 3 icmp code 4");
            assertThat(traffic("-1", -1, -1)).isEmpty();
            assertThat(traffic("47", 10, 20)).isEqualTo("meta l4proto 47");
            assertThat(TrafficMatch.of("icmpv6", -1, -1)).isEmpty();
            assertThat(TrafficMatch.of("58", -1, -1)).isEmpty();
        }

        @Test
        void nonsenseIsRefusedWhenTheRuleIsMade() {
            assertThatThrownBy(() -> Rule.fromCidr("sctpish", -1, -1, "0.0.0.0/0")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Rule.fromCidr("256", -1, -1, "0.0.0.0/0")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Rule.fromCidr("tcp", 90, 80, "0.0.0.0/0")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Rule.fromCidr("tcp", 80, 80, "10.0.0.300/8")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Rule.fromCidr("tcp", 80, 80, "::/0\nflush ruleset")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Rule("tcp", 80, 80, "0.0.0.0/0", "sg-a")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Rule("tcp", 80, 80, null, null)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void hostBitsOfARuleCidrAreCleared() {
            var group = new SecurityGroup("sg-a", List.of(Rule.fromCidr("tcp", 80, 80, "10.0.1.7/24")), List.of());
            var firewall = new VpcFirewall("t", List.of("10.0.0.0/16"), List.of(), List.of(), List.of(group));
            assertThat(NftRuleset.render(firewall)).contains("ip saddr 10.0.1.0/24 tcp dport 80 accept");
        }

        private static String traffic(String protocol, int from, int to) {
            return TrafficMatch.of(protocol, from, to).orElseThrow().expression();
        }
    }

    @Nested
    class Names {

        @Test
        void awsIdsKeepTheirReadablePart() {
            var names = new NftNames();
            assertThat(names.members("sg-0123456789abcdef0")).isEqualTo("members_sg_0123456789abcdef0");
            assertThat(names.aclIngress("subnet-0a1b2c3d")).isEqualTo("nacl_in_subnet_0a1b2c3d");
        }

        @Test
        void otherIdsAreShortenedAndHashed() {
            var names = new NftNames();
            String name = names.members("my group/with spaces and a very long name that goes on and on");
            assertThat(name).matches("members_[A-Za-z0-9]{1,24}_h[0-9a-f]{12}");
            assertThat(names.members("my group/with spaces and a very long name that goes on and on")).isEqualTo(name);
        }

        @Test
        void twoIdsOnOneNameAreRefused() {
            var names = new NftNames();
            String hashed = names.members("abc!").substring("members_".length());
            String crafted = hashed.replace('_', '-');

            assertThatThrownBy(() -> names.members(crafted)).hasMessageContaining("map to one nft name");
        }
    }

    @Nested
    class Validation {

        @Test
        void refusesPiecesThatDoNotFit() {
            var subnet = new Subnet("subnet-a", "10.0.1.0/24", "b-a", false, AclEntry.defaultAcl());
            assertThatThrownBy(() -> new VpcFirewall("t", List.of("10.0.0.0/16"), List.of(subnet),
                    List.of(new Interface("10.0.2.5", "subnet-a", List.of())), List.of()))
                    .hasMessageContaining("outside 10.0.1.0/24");
            assertThatThrownBy(() -> new VpcFirewall("t", List.of("10.0.0.0/16"), List.of(subnet),
                    List.of(new Interface("10.0.1.5", "subnet-b", List.of())), List.of()))
                    .hasMessageContaining("unknown subnet");
            assertThatThrownBy(() -> new VpcFirewall("t", List.of("10.0.0.0/16"),
                    List.of(subnet, new Subnet("subnet-b", "10.0.1.128/25", "b-b", false, List.of())), List.of(), List.of()))
                    .hasMessageContaining("overlapping subnets");
            assertThatThrownBy(() -> new VpcFirewall("t", List.of("10.1.0.0/16"), List.of(subnet), List.of(), List.of()))
                    .hasMessageContaining("outside the VPC");
            assertThatThrownBy(() -> new VpcFirewall("bad-name", List.of("10.0.0.0/16"), List.of(), List.of(), List.of()))
                    .hasMessageContaining("table name");
            assertThatThrownBy(() -> new VpcFirewall("t", List.of(), List.of(), List.of(), List.of()))
                    .hasMessageContaining("at least one");
            assertThatThrownBy(() -> new Subnet("subnet-a", "10.0.1.5/24", "b-a", false, List.of()))
                    .hasMessageContaining("host bits");
            assertThatThrownBy(() -> new Subnet("subnet-a", "10.0.1.0/24", "bridge \"x\"", false, List.of()))
                    .hasMessageContaining("interface name");
            assertThatThrownBy(() -> new Subnet("subnet-a", "10.0.1.0/24", "b-a", false,
                    List.of(new AclEntry(100, false, "-1", -1, -1, "0.0.0.0/0", true),
                            new AclEntry(100, false, "6", 22, 22, "0.0.0.0/0", false))))
                    .hasMessageContaining("duplicate ACL rule number 100");
        }

        @Test
        void anEmptyVpcStillRendersValidSyntax() {
            String empty = NftRuleset.render(new VpcFirewall("t", List.of("10.0.0.0/16"), List.of(), List.of(), List.of()));
            assertThat(empty).doesNotContain("{ }", "vmap", "iifname {").contains("chain forward", "chain input");
        }
    }

    private String block(String header) {
        return block(seed, header);
    }

    /** The text of one set or chain, from its header line to its closing brace. */
    static String block(String script, String header) {
        int start = script.indexOf(header + " {");
        assertThat(start).as("block %s", header).isNotNegative();
        int end = script.indexOf("\n    }", start);
        return script.substring(start, end + "\n    }".length());
    }

    private static <T> List<T> shuffle(List<T> list) {
        var copy = new ArrayList<>(list);
        Collections.reverse(copy);
        Collections.shuffle(copy, new Random(7));
        return copy;
    }
}
