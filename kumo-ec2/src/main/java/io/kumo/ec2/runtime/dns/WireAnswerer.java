package io.kumo.ec2.runtime.dns;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/** Bytes in, bytes out: parses a packet, answers it and fits the answer to the transport. */
final class WireAnswerer {
    static final int HEADER_BYTES = 12;
    /** What a UDP answer may take when the client says nothing (RFC 1035). */
    static final int CLASSIC_UDP_LIMIT = 512;
    /** The most a UDP answer takes whatever the client offers, to keep answers in few fragments. */
    static final int MAX_UDP_LIMIT = 4096;
    static final int TCP_LIMIT = 65_535;

    private WireAnswerer() {
    }

    /**
     * The reply to one packet, or empty when it deserves none: shorter than a header (nothing to echo) or itself a
     * response (answering those could loop two servers into each other).
     */
    static Optional<byte[]> reply(DnsAnswerer answerer, byte[] packet, InetAddress client, boolean overTcp) {
        if (packet.length < HEADER_BYTES) {
            return Optional.empty();
        }
        Header header;
        try {
            header = new Header(Arrays.copyOf(packet, HEADER_BYTES));
        } catch (IOException e) {
            return Optional.empty();
        }
        if (header.getFlag(Flags.QR)) {
            return Optional.empty();
        }
        Message query;
        try {
            query = new Message(packet);
        } catch (IOException | RuntimeException e) {
            return Optional.of(formatError(header).toWire());
        }
        Message response = answerer.respond(query, client);
        return Optional.of(response.toWire(overTcp ? TCP_LIMIT : udpLimit(query)));
    }

    /** dnsjava truncates at a record set boundary and sets TC, telling the client to ask again over TCP. */
    private static int udpLimit(Message query) {
        OPTRecord opt = query.getOPT();
        if (opt == null) {
            return CLASSIC_UDP_LIMIT;
        }
        return Math.clamp(opt.getPayloadSize(), CLASSIC_UDP_LIMIT, MAX_UDP_LIMIT);
    }

    /** Only the header is trusted, so the answer echoes no question. */
    private static Message formatError(Header asked) {
        Message response = new Message(asked.getID());
        Header header = response.getHeader();
        header.setFlag(Flags.QR);
        header.setFlag(Flags.RA);
        if (asked.getFlag(Flags.RD)) {
            header.setFlag(Flags.RD);
        }
        header.setOpcode(asked.getOpcode());
        header.setRcode(Rcode.FORMERR);
        return response;
    }
}
