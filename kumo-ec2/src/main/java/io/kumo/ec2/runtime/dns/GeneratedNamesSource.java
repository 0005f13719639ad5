package io.kumo.ec2.runtime.dns;

import io.kumo.core.dns.GeneratedNames;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The names other services generate (a load balancer's DNS name...), answered with their A
 * records as a client of this VPC sees them; a name under their domains that does not exist is
 * NXDOMAIN, other types NODATA.
 */
final class GeneratedNamesSource implements DnsSource {
    private final GeneratedNames names;
    private final String vpcId;

    GeneratedNamesSource(GeneratedNames names, String vpcId) {
        this.names = names;
        this.vpcId = vpcId;
    }

    @Override
    public SourceAnswer lookup(DnsQuestion question) {
        String name = question.name().toString();
        Optional<GeneratedNames.Source> owner = names.owner(name);
        if (owner.isEmpty()) {
            return SourceAnswer.NOT_MINE;
        }
        List<String> addresses = owner.get().addresses(vpcId, GeneratedNames.normalize(name));
        if (addresses.isEmpty()) {
            return new SourceAnswer.NxDomain(List.of());
        }
        if (question.type() != Type.A && question.type() != Type.ANY) {
            return new SourceAnswer.Answer(List.of(), List.of());
        }
        List<Record> records = new ArrayList<>();
        for (String ip : addresses) {
            try {
                records.add(new ARecord(question.name(), DClass.IN, owner.get().ttlSeconds(), InetAddress.getByName(ip)));
            } catch (UnknownHostException e) {
                // not an address: skipped
            }
        }
        return new SourceAnswer.Answer(records, List.of());
    }
}
