package io.kumo.fabric.firewall;

import static io.kumo.fabric.firewall.PacketLab.Outcome.OK;
import static io.kumo.fabric.firewall.PacketLab.Outcome.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kumo.fabric.firewall.PacketLab.Outcome;
import io.kumo.fabric.firewall.PacketLab.Probe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The rendered ruleset on real packets: the seed VPC ({@link SeedVpc}) built from namespaces
 * ({@link PacketLab}), real TCP connections through the router namespace. "Blocked" means the
 * connection attempt timed out (the SYN or its answer was dropped), not that it was refused.
 * Runs only as root with nft and ip.
 */
@Timeout(60)
class NftRulesetOnPacketsTest {

    private static PacketLab lab;

    @BeforeAll
    static void buildTheVpc() {
        Optional<String> missing = PacketLab.missingPrerequisite();
        assumeTrue(missing.isEmpty(), () -> "skipped: " + missing.orElse(""));
        lab = PacketLab.create();
    }

    @AfterAll
    static void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void theLabLivesOnlyInItsOwnNamespaces() {
        assertThat(lab.labInterfacesInHostNamespace()).isEmpty();
    }

    @Test
    void securityGroupsLetThroughOnlyWhatTheirRulesAllow() {
        lab.load(new SeedVpc().build());

        expect()
                .from(lab.igw, "internet to web:80, allowed from anywhere", SeedVpc.WEB, 80, OK)
                .from(lab.igw, "internet to web:8080, no rule", SeedVpc.WEB, 8080, TIMEOUT)
                .from(lab.web, "web to db:3306, db allows members of sg-web", SeedVpc.DB, 3306, OK)
                .from(lab.other, "other to db:3306, other is not in sg-web", SeedVpc.DB, 3306, TIMEOUT)
                .from(lab.db, "db to other:9000, across subnets", SeedVpc.OTHER, 9000, OK)
                .from(lab.web, "web to other:9000, web's egress only allows sg-db", SeedVpc.OTHER, 9000, TIMEOUT)
                .from(lab.other, "other to web:80 inside the subnet (bridged), reply passes web's strict egress",
                        SeedVpc.WEB, 80, OK)
                .verify();
    }

    @Test
    void membershipOfAReferencedGroupDecides() {
        lab.load(new SeedVpc().otherInWebGroup().build());
        expect().from(lab.other, "other to db:3306, other now in sg-web", SeedVpc.DB, 3306, OK).verify();

        lab.load(new SeedVpc().build());
        expect().from(lab.other, "other to db:3306, other out of sg-web again", SeedVpc.DB, 3306, TIMEOUT).verify();

        // a membership change is only a set change
        lab.nft("add", "element", "inet", "kumo_vpc_test", "members_sg_web", "{ " + SeedVpc.OTHER + " }");
        expect().from(lab.other, "other to db:3306 after adding it to the set", SeedVpc.DB, 3306, OK).verify();
    }

    @Test
    void networkAclsFilterPacketsCrossingTheSubnetBoundary() {
        lab.load(new SeedVpc().build());
        expect()
                .from(lab.web, "web to db:3307, allowed by sg-db, denied by the private subnet's ACL", SeedVpc.DB, 3307, TIMEOUT)
                .from(lab.web, "web to db:3306, same groups, allowed by the ACL", SeedVpc.DB, 3306, OK)
                .verify();

        lab.load(new SeedVpc().publicDeniesHttpIn().build());
        expect()
                .from(lab.igw, "internet to web:80, the public subnet's ACL denies port 80 in", SeedVpc.WEB, 80, TIMEOUT)
                .from(lab.other, "other to web:80, inside the subnet: no ACL applies", SeedVpc.WEB, 80, OK)
                .verify();
    }

    @Test
    void networkAclsAreStatelessSoTheyAlsoJudgeReplies() {
        lab.load(new SeedVpc().build());
        try (var connection = lab.converse(lab.web, SeedVpc.DB, 3306)) {
            assertThat(connection.exchange("before")).isEqualTo("ECHO before");

            lab.load(new SeedVpc().privateDeniesEphemeralOut().build());

            assertThat(connection.exchange("after")).as("replies to ephemeral ports now denied on the way out").isEqualTo("TIMEOUT");
            expect().from(lab.web, "web to db:3306, the SYN-ACK is denied by the ACL", SeedVpc.DB, 3306, TIMEOUT).verify();
        }
    }

    @Test
    void aSubnetWithoutARouteToTheInternetIsCutOffFromIt() {
        lab.load(new SeedVpc().build());
        expect()
                .from(lab.igw, "internet to db:5432, sg-db allows anywhere but the subnet has no route", SeedVpc.DB, 5432, TIMEOUT)
                .from(lab.other, "other to db:5432, same rule, inside the VPC", SeedVpc.DB, 5432, OK)
                .from(lab.db, "db to the internet, no route", PacketLab.INTERNET_HOST, 7000, TIMEOUT)
                .from(lab.other, "other to the internet, public subnet", PacketLab.INTERNET_HOST, 7000, OK)
                .verify();

        lab.load(new SeedVpc().privateRoutedToInternet().build());
        expect()
                .from(lab.igw, "internet to db:5432 once the subnet is routed", SeedVpc.DB, 5432, OK)
                .from(lab.db, "db to the internet once the subnet is routed", PacketLab.INTERNET_HOST, 7000, OK)
                .verify();
    }

    @Test
    void theRouterOnlyOffersItsServicesToTheSubnets() {
        lab.load(new SeedVpc().build());
        expect()
                .from(lab.web, "web to the resolver 10.0.0.2:53", "10.0.0.2", 53, OK)
                .from(lab.db, "db to the resolver, from the other subnet", "10.0.0.2", 53, OK)
                .from(lab.web, "web to instance metadata", RouterServiceChains.METADATA_ADDRESS, 80, OK)
                .from(lab.web, "web to another port of the router", "10.0.1.1", 8081, TIMEOUT)
                .from(lab.db, "db to port 53 of its gateway (not the resolver)", "10.0.2.1", 53, TIMEOUT)
                .verify();
    }

    @Test
    void aBridgeOnlyCarriesTheAddressesOfItsSubnet() {
        lab.load(new SeedVpc().build());
        expect()
                .fromAddress(lab.other, PacketLab.SPOOFED_ADDRESS, "other posing as a private-subnet address",
                        SeedVpc.WEB, 80, TIMEOUT)
                .verify();
        // the SYN is bridged, never routed: the counter proves the forward hook names the bridge, not the port
        assertThat(lab.packetsCounted("kumo_vpc_test", "forward", "iifname \"b-pub\" ip saddr != 10.0.1.0/24")).isPositive();
    }

    @Test
    void aReloadKeepsEstablishedConnectionsAndARevokedRuleOnlyRefusesNewOnes() {
        lab.load(new SeedVpc().build());
        try (var connection = lab.converse(lab.web, SeedVpc.DB, 3306)) {
            assertThat(connection.exchange("one")).isEqualTo("ECHO one");

            lab.load(new SeedVpc().build());
            assertThat(connection.exchange("two")).as("after reloading the same ruleset").isEqualTo("ECHO two");

            lab.load(new SeedVpc().withoutDbRuleForWeb().build());
            assertThat(connection.exchange("three")).as("after revoking the rule that allowed it").isEqualTo("ECHO three");
            expect().from(lab.web, "a new web to db:3306 after the revocation", SeedVpc.DB, 3306, TIMEOUT).verify();
        }
    }

    @Test
    void unusualRulesetsAreAcceptedByNft() {
        var group = new SecurityGroup("odd group/Ünïcode",
                List.of(Rule.fromCidr("icmp", 8, -1, "0.0.0.0/0"), Rule.fromCidr("icmp", 3, 4, "10.0.0.0/8"),
                        Rule.fromCidr("icmp", -1, -1, "192.0.2.7/32"), Rule.fromCidr("47", -1, -1, "0.0.0.0/0"),
                        Rule.fromCidr("udp", 0, 65535, "0.0.0.0/0"), Rule.fromCidr("58", -1, -1, "::/0"),
                        Rule.fromGroup("-1", -1, -1, "sg-never-defined")),
                List.of());
        var subnet = new Subnet("subnet-x", "10.9.0.0/24", "b-x", false,
                List.of(new AclEntry(1, true, "1", 0, -1, "0.0.0.0/0", false), new AclEntry(2, false, "17", 53, 53, "10.9.0.0/16", true)));
        var firewall = new VpcFirewall("kumo_odd", List.of("10.9.0.0/16"), List.of(subnet),
                List.of(new Interface("10.9.0.5", "subnet-x", List.of("odd group/Ünïcode", "sg-unknown"))), List.of(group));

        lab.check(NftRuleset.render(firewall));
        lab.check(NftRuleset.render(new VpcFirewall("kumo_empty", List.of("10.9.0.0/16"), List.of(), List.of(), List.of())));
    }

    private static Expectations expect() {
        return new Expectations();
    }

    /** Probes run at once, so a phase costs one timeout however many blocked attempts it holds. */
    private static final class Expectations {
        private final Map<Probe, Outcome> expected = new LinkedHashMap<>();

        Expectations from(String namespace, String label, String host, int port, Outcome outcome) {
            expected.put(new Probe(namespace, Optional.empty(), host, port, label), outcome);
            return this;
        }

        Expectations fromAddress(String namespace, String source, String label, String host, int port, Outcome outcome) {
            expected.put(new Probe(namespace, Optional.of(source), host, port, label), outcome);
            return this;
        }

        void verify() {
            Map<Probe, Outcome> actual = lab.probe(new ArrayList<>(expected.keySet()));
            if (!actual.equals(expected)) {
                var report = new StringBuilder("unexpected outcomes:\n");
                expected.forEach((probe, outcome) -> report.append(actual.get(probe) == outcome ? "  ok    " : "  WRONG ")
                        .append(probe).append(": expected ").append(outcome).append(", got ").append(actual.get(probe)).append('\n'));
                report.append(lab.nft("list", "table", "inet", "kumo_vpc_test"));
                throw new AssertionError(report.toString());
            }
        }
    }
}
