package io.kumo.ec2.runtime.dns;

import io.kumo.core.dns.GeneratedNames;
import io.kumo.core.dns.HostedZoneAnswers;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.util.List;
import java.util.Optional;

import static io.kumo.ec2.runtime.dns.Queries.VPC;
import static io.kumo.ec2.runtime.dns.Queries.names;
import static io.kumo.ec2.runtime.dns.Queries.query;
import static org.assertj.core.api.Assertions.assertThat;

/** Hosted zones in the DNS server's chain, through a fake of the Route 53 contract. */
class HostedZonesOrderTest {

    /** A private zone (for VPC only) and a public zone of the same name, and a public delegation. */
    private static final HostedZoneAnswers FAKE = (question, scope) -> {
        String name = question.name().toLowerCase();
        if (!name.endsWith("corp.example.")) {
            return HostedZoneAnswers.NOT_MINE;
        }
        if (scope == HostedZoneAnswers.Scope.PRIVATE && !VPC.equals(question.vpcId())) {
            return HostedZoneAnswers.NOT_MINE;
        }
        String ip = scope == HostedZoneAnswers.Scope.PRIVATE ? "10.9.9.9" : "192.0.2.9";
        if (name.startsWith("sub.")) {
            return new HostedZoneAnswers.Found(true, List.of(),
                    List.of(new HostedZoneAnswers.TextRecord("sub.corp.example.", "NS", 60, "ns.sub.corp.example.")),
                    List.of(new HostedZoneAnswers.TextRecord("ns.sub.corp.example.", "A", 60, "192.0.2.53")), false);
        }
        if (name.startsWith("www.")) {
            return new HostedZoneAnswers.Found(true, List.of(new HostedZoneAnswers.TextRecord(name, "A", 30, ip)), List.of(), List.of(), true);
        }
        return new HostedZoneAnswers.Found(false, List.of(), List.of(new HostedZoneAnswers.TextRecord("corp.example.", "SOA", 900,
                "ns-1.kumo.localhost. hostmaster.kumo.localhost. 1 7200 900 1209600 86400")), List.of(), true);
    };
    private static final HostedZoneSources ZONES = new HostedZoneSources(() -> Optional.of(FAKE));

    @Test
    void insideItsVpcAPrivateZoneShadowsThePublicOneWithRecursiveFlags() {
        Message m = new DnsAnswerer(names(true, true), ZONES).respond(query("www.corp.example.", Type.A), null);
        assertThat(m.getSection(Section.ANSWER)).singleElement().satisfies(r -> assertThat(r.rdataToString()).isEqualTo("10.9.9.9"));
        assertThat(m.getHeader().getFlag(Flags.RA)).isTrue();
        assertThat(m.getHeader().getFlag(Flags.AA)).isFalse();
    }

    @Test
    void theHostSeesThePublicZoneWithAuthorityAndIsRefusedTheRest() {
        DnsAnswerer host = DnsAnswerer.forHost(ZONES, new GeneratedNames());
        Message m = host.respond(query("www.corp.example.", Type.A), null);
        assertThat(m.getSection(Section.ANSWER)).singleElement().satisfies(r -> assertThat(r.rdataToString()).isEqualTo("192.0.2.9"));
        assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(m.getHeader().getFlag(Flags.RA)).isFalse();
        Message nx = host.respond(query("nope.corp.example.", Type.A), null);
        assertThat(nx.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(nx.getSection(Section.AUTHORITY)).singleElement().satisfies(r -> assertThat(r.getType()).isEqualTo(Type.SOA));
        assertThat(host.respond(query("example.org.", Type.A), null).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void aReferralCarriesNsAndGlueWithoutAuthority() {
        Message m = DnsAnswerer.forHost(ZONES, new GeneratedNames()).respond(query("sub.corp.example.", Type.A), null);
        assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(m.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(m.getSection(Section.AUTHORITY)).singleElement().satisfies(r -> assertThat(r.getType()).isEqualTo(Type.NS));
        assertThat(m.getSection(Section.ADDITIONAL)).singleElement().satisfies(r -> assertThat(r.rdataToString()).isEqualTo("192.0.2.53"));
    }

    @Test
    void withoutRoute53TheChainIsAsBefore() {
        var none = new HostedZoneSources(Optional::empty);
        assertThat(DnsAnswerer.forHost(none, new GeneratedNames()).respond(query("www.corp.example.", Type.A), null).getRcode())
                .isEqualTo(Rcode.REFUSED);
    }
}
