package io.kumo.core.dns;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * Route 53's hosted zones as Kumo's DNS server asks them, provided by the Route 53 module. Records travel as text
 * (master-file rdata), so this contract needs nothing beyond the JDK and the DNS server parses them with its wire
 * library. Called from resolver threads, concurrently: implementations are thread-safe and answer from memory.
 */
public interface HostedZoneAnswers {

    /** Which zones may answer: the private zones associated with one VPC, or the public zones. */
    enum Scope { PRIVATE, PUBLIC }

    /**
     * @param name   the name asked, any case, with or without the final dot
     * @param type   the type's mnemonic, such as "A", "MX" or "ANY"
     * @param vpcId  the asking VPC's id, or null when the host asks (the host listener)
     * @param client the query's source address, or null when unknown (latency and geolocation routing)
     * @param subnet the EDNS Client Subnet of the query, or null when it carries none (geolocation routing)
     */
    record Question(String name, String type, String vpcId, InetAddress client, ClientSubnet subnet) {
        public Question {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /** An EDNS Client Subnet option (RFC 7871): the address, already masked, and its source prefix length. */
    record ClientSubnet(InetAddress address, int prefix) {
    }

    /** One resource record: owner name with the final dot, type mnemonic, TTL and rdata in master-file text. */
    record TextRecord(String name, String type, long ttl, String data) {
    }

    sealed interface Answer permits NotMine, Found {
    }

    /** No zone of the scope holds the name. */
    record NotMine() implements Answer {
    }

    /**
     * A zone holds the name's domain.
     *
     * @param exists        false for NXDOMAIN
     * @param answer        the answer section (empty: NODATA, or a referral when authority holds NS records)
     * @param authority     the zone's SOA for negative answers, the child's NS records for a referral
     * @param additional    glue for a referral
     * @param authoritative false for a referral to a child zone (AA clear), true otherwise
     */
    record Found(boolean exists, List<TextRecord> answer, List<TextRecord> authority, List<TextRecord> additional,
                 boolean authoritative) implements Answer {
        public Found {
            answer = List.copyOf(answer);
            authority = List.copyOf(authority);
            additional = List.copyOf(additional);
        }
    }

    NotMine NOT_MINE = new NotMine();

    Answer answer(Question question, Scope scope);
}
