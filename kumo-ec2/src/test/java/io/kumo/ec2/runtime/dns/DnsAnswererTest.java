package io.kumo.ec2.runtime.dns;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.net.InetAddress;
import java.util.List;

import static io.kumo.ec2.runtime.dns.Queries.HOSTS;
import static io.kumo.ec2.runtime.dns.Queries.VPC;
import static io.kumo.ec2.runtime.dns.Queries.name;
import static io.kumo.ec2.runtime.dns.Queries.names;
import static io.kumo.ec2.runtime.dns.Queries.query;
import static org.assertj.core.api.Assertions.assertThat;

class DnsAnswererTest {
    private static final String PRIVATE_NAME = "ip-10-0-0-5.ap-northeast-1.compute.internal.";
    private static final String PUBLIC_NAME = "ec2-127-18-0-1.ap-northeast-1.compute.amazonaws.com.";

    private static Message ask(String name, int type) {
        return DnsAnswerer.answer(query(name, type), names(true, true));
    }

    private static List<String> addresses(Message response) {
        return response.getSection(Section.ANSWER).stream()
                .map(record -> ((ARecord) record).getAddress().getHostAddress()).toList();
    }

    @Test
    void privateNameOfAnInstanceOfTheVpcIsItsAddressLikeARecursiveResolverSaysIt() {
        Message query = query(PRIVATE_NAME, Type.A);
        Message response = DnsAnswerer.answer(query, names(true, false));

        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(addresses(response)).containsExactly("10.0.0.5");
        Record answer = response.getSection(Section.ANSWER).getFirst();
        assertThat(answer.getTTL()).isEqualTo(60);
        assertThat(answer.getName()).isEqualTo(name(PRIVATE_NAME));
        assertThat(response.getHeader().getID()).isEqualTo(query.getHeader().getID());
        assertThat(response.getQuestion()).isEqualTo(query.getQuestion());
        assertThat(response.getHeader().getFlag(Flags.QR)).isTrue();
        assertThat(response.getHeader().getFlag(Flags.RA)).isTrue();
        assertThat(response.getHeader().getFlag(Flags.RD)).isTrue();
        assertThat(response.getHeader().getFlag(Flags.AA)).isFalse();
    }

    @Test
    void reverseNameOfAPrivateAddressPointsToThePrivateName() {
        Message response = ask("5.0.0.10.in-addr.arpa.", Type.PTR);

        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getSection(Section.ANSWER)).singleElement()
                .satisfies(record -> assertThat(((PTRRecord) record).getTarget()).isEqualTo(name(PRIVATE_NAME)));
    }

    @Test
    void reverseNameOfAPublicAddressPointsToThePublicName() {
        Message response = ask("2.0.18.127.in-addr.arpa.", Type.PTR);

        assertThat(response.getSection(Section.ANSWER)).singleElement().satisfies(record -> assertThat(((PTRRecord) record).getTarget())
                .isEqualTo(name("ec2-127-18-0-2.ap-northeast-1.compute.amazonaws.com.")));
    }

    @Test
    void publicNameOfAnInstanceOfTheVpcIsItsPrivateAddressWhenDnsHostnamesAreOn() {
        assertThat(addresses(DnsAnswerer.answer(query(PUBLIC_NAME, Type.A), names(true, true)))).containsExactly("10.0.0.5");
    }

    @Test
    void publicNameOfAnInstanceOfTheVpcIsItsPublicAddressWhenDnsHostnamesAreOff() {
        assertThat(addresses(DnsAnswerer.answer(query(PUBLIC_NAME, Type.A), names(true, false)))).containsExactly("127.18.0.1");
    }

    @Test
    void publicNameOfAnInstanceOfAnotherVpcIsItsPublicAddress() {
        assertThat(addresses(ask("ec2-127-18-0-2.ap-northeast-1.compute.amazonaws.com.", Type.A))).containsExactly("127.18.0.2");
    }

    @Test
    void privateNameOfAnInstanceOfAnotherVpcDoesNotExistHere() {
        assertThat(ask("ip-10-1-0-7.ap-northeast-1.compute.internal.", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void unknownInstanceNameIsNxdomainWithTheZonesSoaForNegativeCaching() {
        Message response = ask("ip-10-0-0-99.ap-northeast-1.compute.internal.", Type.A);

        assertThat(response.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(response.getSection(Section.ANSWER)).isEmpty();
        assertThat(response.getSection(Section.AUTHORITY)).singleElement().satisfies(record -> {
            SOARecord soa = (SOARecord) record;
            assertThat(soa.getName()).isEqualTo(name("ap-northeast-1.compute.internal."));
            assertThat(soa.getMinimum()).isEqualTo(60);
        });
    }

    @Test
    void unknownAddressesInPrivateReverseZonesAreNxdomainAndTheirParentsNodata() {
        assertThat(ask("99.0.0.10.in-addr.arpa.", Type.PTR).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        Message parent = ask("0.0.10.in-addr.arpa.", Type.PTR);
        assertThat(parent.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(parent.getSection(Section.ANSWER)).isEmpty();
        assertThat(ask("8.8.8.8.in-addr.arpa.", Type.PTR).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void namesOutsideKumoAreRefusedForInstancesHaveNoInternetDns() {
        Message response = ask("example.com.", Type.A);

        assertThat(response.getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(response.getSection(Section.ANSWER)).isEmpty();
        assertThat(response.getQuestion().getName()).isEqualTo(name("example.com."));
    }

    @Test
    void withoutDnsSupportEverythingIsRefused() {
        VpcNames off = names(false, true);
        assertThat(DnsAnswerer.answer(query(PRIVATE_NAME, Type.A), off).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(DnsAnswerer.answer(query(PUBLIC_NAME, Type.A), off).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(DnsAnswerer.answer(query("5.0.0.10.in-addr.arpa.", Type.PTR), off).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void privateNamesResolveWithoutDnsHostnames() {
        assertThat(addresses(DnsAnswerer.answer(query(PRIVATE_NAME, Type.A), names(true, false)))).containsExactly("10.0.0.5");
    }

    @Test
    void otherTypesOfAKnownNameAreNodataWithTheSoa() {
        Message response = ask(PRIVATE_NAME, Type.AAAA);

        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getSection(Section.ANSWER)).isEmpty();
        assertThat(response.getSection(Section.AUTHORITY)).singleElement().isInstanceOf(SOARecord.class);
    }

    @Test
    void anyAnswersTheRecordANameHas() {
        assertThat(addresses(ask(PRIVATE_NAME, Type.ANY))).containsExactly("10.0.0.5");
    }

    @Test
    void theZoneApexHasItsSoa() {
        assertThat(ask("ap-northeast-1.compute.internal.", Type.SOA).getSection(Section.ANSWER))
                .singleElement().isInstanceOf(SOARecord.class);
    }

    @Test
    void namesAreCaseInsensitiveAndEchoedAsAsked() {
        Message response = ask("IP-10-0-0-5.Ap-Northeast-1.COMPUTE.internal.", Type.A);

        assertThat(addresses(response)).containsExactly("10.0.0.5");
        assertThat(response.getSection(Section.ANSWER).getFirst().getName().toString())
                .isEqualTo("IP-10-0-0-5.Ap-Northeast-1.COMPUTE.internal.");
    }

    @Test
    void usEast1KeepsItsHistoricDomains() {
        VpcNames virginia = new VpcNames(VPC, "us-east-1", true, true, HOSTS);

        assertThat(addresses(DnsAnswerer.answer(query("ip-10-0-0-5.ec2.internal.", Type.A), virginia))).containsExactly("10.0.0.5");
        assertThat(addresses(DnsAnswerer.answer(query("ec2-127-18-0-2.compute-1.amazonaws.com.", Type.A), virginia)))
                .containsExactly("127.18.0.2");
        assertThat(DnsAnswerer.answer(query(PRIVATE_NAME, Type.A), virginia).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void aQueryWithoutExactlyOneQuestionIsAFormatError() {
        Message none = new Message();
        Message two = query(PRIVATE_NAME, Type.A);
        two.addRecord(query(PUBLIC_NAME, Type.A).getQuestion(), Section.QUESTION);

        assertThat(DnsAnswerer.answer(none, names(true, true)).getRcode()).isEqualTo(Rcode.FORMERR);
        assertThat(DnsAnswerer.answer(two, names(true, true)).getRcode()).isEqualTo(Rcode.FORMERR);
    }

    @Test
    void otherOpcodesClassesAndZoneTransfersAreNotServed() {
        Message notify = query(PRIVATE_NAME, Type.SOA);
        notify.getHeader().setOpcode(Opcode.NOTIFY);

        assertThat(DnsAnswerer.answer(notify, names(true, true)).getRcode()).isEqualTo(Rcode.NOTIMP);
        assertThat(DnsAnswerer.answer(query("version.bind.", Type.TXT, DClass.CH), names(true, true)).getRcode())
                .isEqualTo(Rcode.REFUSED);
        assertThat(ask("ap-northeast-1.compute.internal.", Type.AXFR).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void ednsIsAnsweredWithOurPayloadSizeAndUnknownVersionsWithBadvers() {
        Message query = query(PRIVATE_NAME, Type.A);
        query.addRecord(new OPTRecord(4096, 0, 0), Section.ADDITIONAL);
        Message future = query(PRIVATE_NAME, Type.A);
        future.addRecord(new OPTRecord(4096, 0, 1), Section.ADDITIONAL);

        assertThat(DnsAnswerer.answer(query, names(true, true)).getOPT().getPayloadSize()).isEqualTo(1232);
        assertThat(DnsAnswerer.answer(future, names(true, true)).getRcode()).isEqualTo(Rcode.BADVERS);
    }

    @Test
    void privateZonesComeFirstAndTheirNxdomainHidesEverythingAfter() throws Exception {
        InetAddress override = InetAddress.getByName("10.9.9.9");
        DnsSource privateZone = question -> {
            if (question.name().equals(name(PRIVATE_NAME))) {
                return new SourceAnswer.Answer(List.of(new ARecord(question.name(), DClass.IN, 300, override)), List.of());
            }
            if (question.name().subdomain(name("corp.example."))) {
                return new SourceAnswer.NxDomain(List.of());
            }
            return SourceAnswer.NOT_MINE;
        };
        DnsSource publicZone = question -> question.name().subdomain(name("example."))
                ? new SourceAnswer.Answer(List.of(new ARecord(question.name(), DClass.IN, 300, InetAddress.getLoopbackAddress())), List.of())
                : SourceAnswer.NOT_MINE;
        DnsAnswerer answerer = new DnsAnswerer(names(true, true), zones(privateZone, publicZone));

        assertThat(addresses(answerer.respond(query(PRIVATE_NAME, Type.A), null))).containsExactly("10.9.9.9");
        assertThat(answerer.respond(query("db.corp.example.", Type.A), null).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(addresses(answerer.respond(query("www.example.", Type.A), null))).containsExactly("127.0.0.1");
        assertThat(answerer.respond(query("www.example.com.", Type.A), null).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void aFailingSourceCostsOneServfail() {
        DnsSource broken = question -> {
            throw new IllegalStateException("broken zone");
        };
        DnsAnswerer answerer = new DnsAnswerer(names(true, true), zones(broken, DnsSource.NOTHING));

        assertThat(answerer.respond(query(PRIVATE_NAME, Type.A), null).getRcode()).isEqualTo(Rcode.SERVFAIL);
    }

    static HostedZones zones(DnsSource privateZones, DnsSource publicZones) {
        return new HostedZones() {
            @Override
            public DnsSource privateZones(String vpcId) {
                return privateZones;
            }

            @Override
            public DnsSource publicZones() {
                return publicZones;
            }
        };
    }
}
