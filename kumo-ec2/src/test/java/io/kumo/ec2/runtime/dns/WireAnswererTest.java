package io.kumo.ec2.runtime.dns;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.stream.IntStream;

import static io.kumo.ec2.runtime.dns.Queries.name;
import static io.kumo.ec2.runtime.dns.Queries.names;
import static io.kumo.ec2.runtime.dns.Queries.query;
import static org.assertj.core.api.Assertions.assertThat;

class WireAnswererTest {
    private static final DnsAnswerer INSTANCES = new DnsAnswerer(names(true, true), HostedZones.NONE);
    /** A public zone with a hundred addresses on one name: about 1.6 KB of answer. */
    static final DnsAnswerer BIG = new DnsAnswerer(names(true, true), DnsAnswererTest.zones(DnsSource.NOTHING, question ->
            question.name().equals(name("big.example."))
                    ? new SourceAnswer.Answer(hundredAddresses(question), List.of())
                    : SourceAnswer.NOT_MINE));

    static List<Record> hundredAddresses(DnsQuestion question) {
        return IntStream.range(0, 100).mapToObj(i -> (Record) new ARecord(question.name(), DClass.IN, 60, address("10.2.0." + i))).toList();
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Message parse(byte[] wire) throws Exception {
        return new Message(wire);
    }

    @Test
    void garbageAfterAReadableHeaderIsAFormatErrorThatEchoesTheId() throws Exception {
        byte[] packet = {0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x07, 'e', 'x'};

        Message response = parse(WireAnswerer.reply(INSTANCES, packet, null, false).orElseThrow());

        assertThat(response.getRcode()).isEqualTo(Rcode.FORMERR);
        assertThat(response.getHeader().getID()).isEqualTo(0x1234);
        assertThat(response.getHeader().getFlag(Flags.QR)).isTrue();
        assertThat(response.getSection(Section.QUESTION)).isEmpty();
    }

    @Test
    void packetsShorterThanAHeaderAndResponsesAreDropped() {
        Message response = query("example.com.", Type.A);
        response.getHeader().setFlag(Flags.QR);

        assertThat(WireAnswerer.reply(INSTANCES, new byte[] {1, 2, 3}, null, false)).isEmpty();
        assertThat(WireAnswerer.reply(INSTANCES, response.toWire(), null, false)).isEmpty();
    }

    @Test
    void udpAnswersFit512BytesWithoutEdnsAndAreTruncated() throws Exception {
        byte[] wire = WireAnswerer.reply(BIG, query("big.example.", Type.A).toWire(), null, false).orElseThrow();

        assertThat(wire.length).isLessThanOrEqualTo(512);
        assertThat(parse(wire).getHeader().getFlag(Flags.TC)).isTrue();
    }

    @Test
    void udpAnswersUseTheClientsEdnsPayloadSize() throws Exception {
        Message query = query("big.example.", Type.A);
        query.addRecord(new OPTRecord(4096, 0, 0), Section.ADDITIONAL);

        Message response = parse(WireAnswerer.reply(BIG, query.toWire(), null, false).orElseThrow());

        assertThat(response.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(response.getSection(Section.ANSWER)).hasSize(100);
    }

    @Test
    void tcpAnswersAreWhole() throws Exception {
        Message response = parse(WireAnswerer.reply(BIG, query("big.example.", Type.A).toWire(), null, true).orElseThrow());

        assertThat(response.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(response.getSection(Section.ANSWER)).hasSize(100);
    }
}
