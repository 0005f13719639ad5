package io.kumo.ec2.runtime.dns;

import io.kumo.core.dns.GeneratedNames;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The public names Kumo generates (under {@code .localhost}, such as internet-facing load balancers'
 * {@code NAME-ID.REGION.elb.localhost}), as the host sees them: the loopback, where the load balancers' front door
 * listens. Names of other generated domains (internal load balancers) are not the host's: the next source decides.
 */
final class HostGeneratedNames implements DnsSource {
    private static final long TTL = 60;
    private static final String PUBLIC_SUFFIX = ".localhost";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final GeneratedNames names;

    HostGeneratedNames(GeneratedNames names) {
        this.names = names;
    }

    @Override
    public SourceAnswer lookup(DnsQuestion question) {
        String name = GeneratedNames.normalize(question.name().toString());
        Optional<GeneratedNames.Source> owner = names.owner(name);
        if (owner.isEmpty()) {
            return SourceAnswer.NOT_MINE;
        }
        if (!name.endsWith(PUBLIC_SUFFIX)) {
            return direct(question, owner.get().hostAddresses(name));
        }
        if (owner.get().addresses("", name).isEmpty()) {
            return new SourceAnswer.NxDomain(List.of());
        }
        if (question.type() != Type.A && question.type() != Type.ANY) {
            return new SourceAnswer.Answer(List.of(), List.of());
        }
        return new SourceAnswer.Answer(List.of(new ARecord(question.name(), DClass.IN, TTL, LOOPBACK)), List.of());
    }

    /**
     * A name the host reaches at its own addresses (an instance's public name: its public address, in 127.0.0.0/8).
     * One the host does not know stays NOT_MINE, so REFUSED: the host listener is no authority for amazonaws.com.
     */
    private static SourceAnswer direct(DnsQuestion question, List<String> addresses) {
        if (addresses.isEmpty()) {
            return SourceAnswer.NOT_MINE;
        }
        if (question.type() != Type.A && question.type() != Type.ANY) {
            return new SourceAnswer.Answer(List.of(), List.of());
        }
        List<Record> records = new ArrayList<>();
        for (String ip : addresses) {
            byte[] raw = Address.toByteArray(ip, Address.IPv4);
            if (raw != null) {
                try {
                    records.add(new ARecord(question.name(), DClass.IN, TTL, InetAddress.getByAddress(raw)));
                } catch (UnknownHostException e) {
                    // four bytes are always an address
                }
            }
        }
        return new SourceAnswer.Answer(records, List.of());
    }
}
