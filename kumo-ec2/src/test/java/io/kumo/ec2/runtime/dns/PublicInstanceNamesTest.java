package io.kumo.ec2.runtime.dns;

import io.kumo.core.dns.GeneratedNames;
import io.kumo.ec2.compute.HostNames;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.util.Map;

import static io.kumo.ec2.runtime.dns.Queries.query;
import static org.assertj.core.api.Assertions.assertThat;

/** The host listener answers instances' public names (as DescribeInstances gives them) with their public addresses. */
class PublicInstanceNamesTest {

    @Test
    void theHostAnswersAnInstancesPublicNameWithItsPublicAddressAndRefusesUnknownOnes() {
        GeneratedNames generated = new GeneratedNames();
        PublicInstanceNames names = new PublicInstanceNames();
        generated.add(names);
        String tokyo = HostNames.publicDnsName("ap-northeast-1", "127.32.0.7");
        String virginia = HostNames.publicDnsName("us-east-1", "127.32.0.8");
        names.update(Map.of(tokyo, "127.32.0.7", virginia, "127.32.0.8"));
        DnsAnswerer host = DnsAnswerer.forHost(HostedZones.NONE, generated);

        Message m = host.respond(query(tokyo.toUpperCase() + ".", Type.A), null);
        assertThat(m.getSection(Section.ANSWER)).extracting(Record::rdataToString).containsExactly("127.32.0.7");
        assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(host.respond(query(virginia + ".", Type.A), null).getSection(Section.ANSWER))
                .extracting(Record::rdataToString).containsExactly("127.32.0.8");
        Message aaaa = host.respond(query(tokyo + ".", Type.AAAA), null);
        assertThat(aaaa.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(aaaa.getSection(Section.ANSWER)).isEmpty();
        assertThat(host.respond(query("ec2-127-32-0-9.ap-northeast-1.compute.amazonaws.com.", Type.A), null).getRcode())
                .isEqualTo(Rcode.REFUSED);

        names.update(Map.of());
        assertThat(host.respond(query(tokyo + ".", Type.A), null).getRcode()).as("gone with the instance").isEqualTo(Rcode.REFUSED);
    }
}
