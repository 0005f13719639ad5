package io.kumo.it.route53;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.VPC;

import java.util.List;

import static io.kumo.it.route53.Route53Asserts.bare;
import static io.kumo.it.route53.Route53Asserts.message;
import static io.kumo.it.route53.Route53Asserts.refused;
import static io.kumo.it.route53.Route53Asserts.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Hosted zones through the SDK: public ones with Kumo's delegation set, private ones with VPCs, listing and deletion. */
class HostedZonesApiTest {
    private static final KumoHarness KUMO = KumoHarness.shared();
    private static final Route53Client R53 = KUMO.route53();
    private static final Ec2Client EC2 = KUMO.ec2();

    @Test
    void aPublicZoneStartsWithSoaAndNsForKumosNameServers() {
        String name = unique("pub") + ".example";
        var created = R53.createHostedZone(r -> r.name(name.toUpperCase()).callerReference(unique("ref")));
        String id = created.hostedZone().id();
        assertThat(created.delegationSet().nameServers())
                .containsExactly("ns-1.kumo.localhost", "ns-2.kumo.localhost", "ns-3.kumo.localhost", "ns-4.kumo.localhost");
        assertThat(created.changeInfo().statusAsString()).isEqualTo("PENDING");
        assertThat(created.hostedZone().resourceRecordSetCount()).isEqualTo(2L);

        List<ResourceRecordSet> sets = R53.listResourceRecordSets(r -> r.hostedZoneId(id)).resourceRecordSets();
        assertThat(sets).extracting(s -> s.name() + " " + s.typeAsString() + " " + s.ttl()).containsExactly(name + ". NS 172800", name + ". SOA 900");
        assertThat(sets.getFirst().resourceRecords()).extracting(v -> v.value()).containsExactly("ns-1.kumo.localhost.", "ns-2.kumo.localhost.",
                "ns-3.kumo.localhost.", "ns-4.kumo.localhost.");
        assertThat(sets.get(1).resourceRecords().getFirst().value()).startsWith("ns-1.kumo.localhost. hostmaster.kumo.localhost. 1 ");

        var got = R53.getHostedZone(r -> r.id(id));
        assertThat(got.delegationSet().nameServers()).hasSize(4);
        assertThat(got.vpCs()).isEmpty();
        assertThat(R53.updateHostedZoneComment(r -> r.id(id).comment("updated")).hostedZone().config().comment()).isEqualTo("updated");
        assertThat(R53.getHostedZoneCount().hostedZoneCount()).isGreaterThanOrEqualTo(1L);

        R53.deleteHostedZone(r -> r.id(id));
        refused(() -> R53.getHostedZone(r -> r.id(id)), "NoSuchHostedZone", 404);
        refused(() -> R53.createHostedZone(r -> r.name("bad..name").callerReference(unique("ref"))), "InvalidDomainName", 400);
    }

    @Test
    void aZoneWithRecordsBeyondItsApexCannotBeDeleted() {
        String name = unique("full") + ".example";
        String id = R53.createHostedZone(r -> r.name(name).callerReference(unique("ref"))).hostedZone().id();
        R53.changeResourceRecordSets(r -> r.hostedZoneId(id).changeBatch(b -> b.changes(c -> c.action("CREATE")
                .resourceRecordSet(s -> s.name("www." + name).type("A").ttl(60L).resourceRecords(v -> v.value("192.0.2.1"))))));
        var e = refused(() -> R53.deleteHostedZone(r -> r.id(id)), "HostedZoneNotEmpty", 400);
        assertThat(message(e)).contains("non-required resource record sets");
        R53.changeResourceRecordSets(r -> r.hostedZoneId(id).changeBatch(b -> b.changes(c -> c.action("DELETE")
                .resourceRecordSet(s -> s.name("www." + name).type("A").ttl(60L).resourceRecords(v -> v.value("192.0.2.1"))))));
        R53.deleteHostedZone(r -> r.id(id));
    }

    @Test
    void listingByNameReversesLabelsAndPages() {
        String tld = unique("tld");
        List<String> names = List.of("b." + tld, "a." + tld, "x.a." + tld, "a-b." + tld);
        for (String n : names) {
            R53.createHostedZone(r -> r.name(n).callerReference(unique("ref")));
        }
        List<String> listed = R53.listHostedZonesByName(r -> r.dnsName(tld)).hostedZones().stream().map(HostedZone::name)
                .filter(n -> n.endsWith(tld + ".")).toList();
        assertThat(listed).containsExactly("a-b." + tld + ".", "a." + tld + ".", "x.a." + tld + ".", "b." + tld + ".");

        var first = R53.listHostedZonesByName(r -> r.dnsName(tld).maxItems("2"));
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.hostedZones()).extracting(HostedZone::name).containsExactly("a-b." + tld + ".", "a." + tld + ".");
        var second = R53.listHostedZonesByName(r -> r.dnsName(first.nextDNSName()).hostedZoneId(first.nextHostedZoneId()).maxItems("2"));
        assertThat(second.hostedZones()).extracting(HostedZone::name).containsExactly("x.a." + tld + ".", "b." + tld + ".");
        refused(() -> R53.listHostedZonesByName(r -> r.hostedZoneId("Z123")), "InvalidInput", 400);

        var page = R53.listHostedZones(r -> r.maxItems("1"));
        assertThat(page.isTruncated()).isTrue();
        assertThat(R53.listHostedZones(r -> r.marker(page.nextMarker()).maxItems("1")).hostedZones()).isNotEmpty();
    }

    @Test
    void aPrivateZoneKeepsAtLeastOneVpc() {
        String vpc1 = EC2.createVpc(r -> r.cidrBlock("10.80.0.0/16")).vpc().vpcId();
        String vpc2 = EC2.createVpc(r -> r.cidrBlock("10.81.0.0/16")).vpc().vpcId();
        String name = unique("internal") + ".corp";
        VPC first = VPC.builder().vpcId(vpc1).vpcRegion("ap-northeast-1").build();
        VPC second = VPC.builder().vpcId(vpc2).vpcRegion("ap-northeast-1").build();
        var created = R53.createHostedZone(r -> r.name(name).callerReference(unique("ref")).vpc(first)
                .hostedZoneConfig(c -> c.comment("private").privateZone(true)));
        String id = created.hostedZone().id();
        assertThat(created.hostedZone().config().privateZone()).isTrue();
        assertThat(created.delegationSet()).isNull();
        assertThat(created.vpc().vpcId()).isEqualTo(vpc1);

        refused(() -> R53.createHostedZone(r -> r.name(name).callerReference(unique("ref")).vpc(first)), "ConflictingDomainExists", 400);
        refused(() -> R53.createHostedZone(r -> r.name(unique("x") + ".corp").callerReference(unique("ref"))
                .vpc(v -> v.vpcId("vpc-0000000000000000f").vpcRegion("ap-northeast-1"))), "InvalidVPCId", 400);
        refused(() -> R53.disassociateVPCFromHostedZone(r -> r.hostedZoneId(id).vpc(first)), "LastVPCAssociation", 400);
        refused(() -> R53.disassociateVPCFromHostedZone(r -> r.hostedZoneId(id).vpc(second)), "VPCAssociationNotFound", 404);

        assertThat(R53.associateVPCWithHostedZone(r -> r.hostedZoneId(id).vpc(second)).changeInfo().id()).startsWith("/change/C");
        assertThat(R53.getHostedZone(r -> r.id(id)).vpCs()).extracting(VPC::vpcId).containsExactly(vpc1, vpc2);
        R53.disassociateVPCFromHostedZone(r -> r.hostedZoneId(id).vpc(first));
        assertThat(R53.getHostedZone(r -> r.id(id)).vpCs()).extracting(VPC::vpcId).containsExactly(vpc2);
        assertThat(R53.listHostedZones(r -> r.hostedZoneType("PrivateHostedZone")).hostedZones()).extracting(HostedZone::id).contains(id);

        String publicId = R53.createHostedZone(r -> r.name(unique("pub") + ".example").callerReference(unique("ref"))).hostedZone().id();
        refused(() -> R53.associateVPCWithHostedZone(r -> r.hostedZoneId(publicId).vpc(first)), "PublicZoneVPCAssociation", 400);
        assertThat(bare(publicId)).startsWith("Z");
    }
}
