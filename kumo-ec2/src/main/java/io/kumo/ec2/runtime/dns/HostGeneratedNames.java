package io.kumo.ec2.runtime.dns;

import io.kumo.core.dns.GeneratedNames;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Type;

import java.net.InetAddress;
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
        if (owner.isEmpty() || !name.endsWith(PUBLIC_SUFFIX)) {
            return SourceAnswer.NOT_MINE;
        }
        if (owner.get().addresses("", name).isEmpty()) {
            return new SourceAnswer.NxDomain(List.of());
        }
        if (question.type() != Type.A && question.type() != Type.ANY) {
            return new SourceAnswer.Answer(List.of(), List.of());
        }
        return new SourceAnswer.Answer(List.of(new ARecord(question.name(), DClass.IN, TTL, LOOPBACK)), List.of());
    }
}
