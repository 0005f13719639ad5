package io.kumo.ec2.runtime.dns;

import org.xbill.DNS.Name;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A question as answer sources see it, class IN implied (the answerer refuses the others).
 *
 * @param name   the name asked for, in the case the client used
 * @param type   the record type ({@link org.xbill.DNS.Type}), possibly ANY
 * @param client the address the query came from, or null when unknown; kept for routing policies that answer
 *               by who asks
 * @param subnet the EDNS Client Subnet the query carried, or null; geolocation routing prefers it to the client
 */
public record DnsQuestion(Name name, int type, InetAddress client, io.kumo.core.dns.HostedZoneAnswers.ClientSubnet subnet) {
    public DnsQuestion {
        Objects.requireNonNull(name, "name");
    }

    public DnsQuestion(Name name, int type, InetAddress client) {
        this(name, type, client, null);
    }
}
