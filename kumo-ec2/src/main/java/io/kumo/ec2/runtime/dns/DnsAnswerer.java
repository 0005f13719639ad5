package io.kumo.ec2.runtime.dns;

import org.xbill.DNS.ClientSubnetOption;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * Turns one query into one response, without sockets: the DNS server's whole logic. For a VPC, answers look like those
 * of a recursive resolver (RA set, AA clear), as the Amazon-provided DNS server is one. For the host listener
 * ({@link #forHost}) they are an authoritative server's: AA set on answers from Kumo's zones and names (clear on
 * referrals), RA clear, and everything else REFUSED.
 */
public final class DnsAnswerer {
    private static final System.Logger LOG = System.getLogger("kumo.ec2.dns");

    /** The EDNS payload size advertised back: the size the DNS flag day of 2020 settled on. */
    static final int ADVERTISED_PAYLOAD = 1232;

    private final String vpcId;
    private final boolean dnsSupport;
    private final List<DnsSource> chain;
    private final boolean authoritative;

    public DnsAnswerer(VpcNames names, HostedZones zones) {
        this(names, zones, new io.kumo.core.dns.GeneratedNames());
    }

    /** Asks, in order: the VPC's private zones, its instances' names, the names services generate, the public zones. */
    public DnsAnswerer(VpcNames names, HostedZones zones, io.kumo.core.dns.GeneratedNames generated) {
        Objects.requireNonNull(zones, "zones");
        this.vpcId = names.vpcId();
        this.dnsSupport = names.dnsSupport();
        this.chain = List.of(zones.privateZones(names.vpcId()), new InstanceNames(names), new GeneratedNamesSource(generated, names.vpcId()),
                zones.publicZones(names.vpcId()));
        this.authoritative = false;
    }

    private DnsAnswerer(String label, List<DnsSource> chain) {
        this.vpcId = label;
        this.dnsSupport = true;
        this.chain = List.copyOf(chain);
        this.authoritative = true;
    }

    /** The host listener's answerer: the public hosted zones, then the public names Kumo generates (loopback). */
    public static DnsAnswerer forHost(HostedZones zones, io.kumo.core.dns.GeneratedNames generated) {
        return new DnsAnswerer("the host", List.of(zones.publicZones(), new HostGeneratedNames(generated)));
    }

    /** The response a resolver of this VPC, without hosted zones, gives to {@code query}. */
    public static Message answer(Message query, VpcNames names) {
        return new DnsAnswerer(names, HostedZones.NONE).respond(query, null);
    }

    /** The response to {@code query}, asked from {@code client} (null when unknown). */
    public Message respond(Message query, InetAddress client) {
        Header asked = query.getHeader();
        Message response = new Message(asked.getID());
        Header header = response.getHeader();
        header.setFlag(Flags.QR);
        if (!authoritative) {
            header.setFlag(Flags.RA);
        }
        copyFlag(asked, header, Flags.RD);
        copyFlag(asked, header, Flags.CD);
        header.setOpcode(asked.getOpcode());
        if (asked.getOpcode() != Opcode.QUERY) {
            return finish(response, query, Rcode.NOTIMP);
        }
        List<Record> questions = query.getSection(Section.QUESTION);
        if (questions.size() != 1) {
            return finish(response, query, Rcode.FORMERR);
        }
        Record question = questions.getFirst();
        response.addRecord(question, Section.QUESTION);
        OPTRecord opt = query.getOPT();
        if (opt != null && opt.getVersion() != 0) {
            return finish(response, query, Rcode.BADVERS);
        }
        if (!dnsSupport || !answerable(question)) {
            return finish(response, query, Rcode.REFUSED);
        }
        try {
            return finish(response, query, fill(response, new DnsQuestion(question.getName(), question.getType(), client, clientSubnet(opt))));
        } catch (RuntimeException e) {
            // A faulty source must cost one answer, not the resolver.
            LOG.log(System.Logger.Level.WARNING, "DNS source failed in " + vpcId + " on " + question, e);
            response.removeAllRecords(Section.ANSWER);
            response.removeAllRecords(Section.AUTHORITY);
            response.removeAllRecords(Section.ADDITIONAL);
            response.getHeader().unsetFlag(Flags.AA);
            return finish(response, query, Rcode.SERVFAIL);
        }
    }

    /** Class IN only (ANY as a class is a wildcard for it), and no zone transfers: Kumo serves no zone to copy. */
    private static boolean answerable(Record question) {
        int dclass = question.getDClass();
        int type = question.getType();
        return (dclass == DClass.IN || dclass == DClass.ANY) && type != Type.AXFR && type != Type.IXFR;
    }

    /** Asks the chain; a name no source owns is refused: Kumo never forwards, so instances have no internet DNS. */
    private int fill(Message response, DnsQuestion question) {
        for (DnsSource source : chain) {
            switch (source.lookup(question)) {
                case SourceAnswer.Answer(List<Record> records, List<Record> authority) -> {
                    records.forEach(record -> response.addRecord(record, Section.ANSWER));
                    authority.forEach(record -> response.addRecord(record, Section.AUTHORITY));
                    markAuthoritative(response);
                    return Rcode.NOERROR;
                }
                case SourceAnswer.NxDomain(List<Record> authority) -> {
                    authority.forEach(record -> response.addRecord(record, Section.AUTHORITY));
                    markAuthoritative(response);
                    return Rcode.NXDOMAIN;
                }
                case SourceAnswer.Referral(List<Record> authority, List<Record> additional) -> {
                    authority.forEach(record -> response.addRecord(record, Section.AUTHORITY));
                    additional.forEach(record -> response.addRecord(record, Section.ADDITIONAL));
                    return Rcode.NOERROR;
                }
                case SourceAnswer.NotMine notMine -> {
                    // the next source decides
                }
            }
        }
        return Rcode.REFUSED;
    }

    private void markAuthoritative(Message response) {
        if (authoritative) {
            response.getHeader().setFlag(Flags.AA);
        }
    }

    /** The query's EDNS Client Subnet (RFC 7871), for geolocation routing; null when absent. */
    private static io.kumo.core.dns.HostedZoneAnswers.ClientSubnet clientSubnet(OPTRecord opt) {
        if (opt == null) {
            return null;
        }
        for (EDNSOption option : opt.getOptions(EDNSOption.Code.CLIENT_SUBNET)) {
            if (option instanceof ClientSubnetOption subnet) {
                return new io.kumo.core.dns.HostedZoneAnswers.ClientSubnet(subnet.getAddress(), subnet.getSourcePrefixLength());
            }
        }
        return null;
    }

    /** Sets the rcode; its upper bits travel in the OPT record, which goes back only to clients that sent one. */
    private static Message finish(Message response, Message query, int rcode) {
        response.getHeader().setRcode(rcode & 0xF);
        OPTRecord opt = query.getOPT();
        if (opt != null) {
            response.addRecord(new OPTRecord(ADVERTISED_PAYLOAD, rcode >>> 4, 0, 0, echoedSubnet(opt)), Section.ADDITIONAL);
        }
        return response;
    }

    /**
     * A Client Subnet option comes back with scope 0 (RFC 7871 7.2.1): the answer holds for every client, as far as a
     * cache can tell; Kumo's zones are few and its clients local, so it does not narrow the scope.
     */
    private static List<EDNSOption> echoedSubnet(OPTRecord opt) {
        for (EDNSOption option : opt.getOptions(EDNSOption.Code.CLIENT_SUBNET)) {
            if (option instanceof ClientSubnetOption subnet) {
                return List.of(new ClientSubnetOption(subnet.getSourcePrefixLength(), 0, subnet.getAddress()));
            }
        }
        return List.of();
    }

    private static void copyFlag(Header from, Header to, int flag) {
        if (from.getFlag(flag)) {
            to.setFlag(flag);
        }
    }
}
