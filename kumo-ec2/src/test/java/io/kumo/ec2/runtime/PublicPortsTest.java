package io.kumo.ec2.runtime;

import io.kumo.ec2.network.sg.SecurityGroupRecord;
import io.kumo.ec2.network.sg.SecurityGroupRecord.SecurityGroupRule;
import io.kumo.ec2.network.sg.RuleSources;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PublicPortsTest {
    private static final RuleSources NO_LISTS = new RuleSources(Map.of());

    private static SecurityGroupRule ingress(String protocol, int from, int to, String cidr) {
        return new SecurityGroupRule("sgr-1", false, protocol, from, to, cidr, null, null, null, null, null);
    }

    private static Map<String, SecurityGroupRecord> groups(SecurityGroupRule... rules) {
        return Map.of("sg-1", new SecurityGroupRecord("sg-1", "web", "d", "vpc-1", "0", List.of(rules), Instant.EPOCH));
    }

    @Test
    void listsThePortsOpenToTheHost() {
        PublicPorts ports = PublicPorts.of(List.of("sg-1"), groups(ingress("tcp", 80, 80, "0.0.0.0/0"),
                ingress("tcp", 22, 22, "198.51.100.1/32"), ingress("tcp", 3306, 3306, "10.0.0.0/16"), ingress("udp", 53, 53, "0.0.0.0/0")), NO_LISTS);
        assertThat(ports.wide()).isFalse();
        assertThat(ports.ports()).containsExactly(22, 80);
    }

    @Test
    void aWideRangeOrAllTrafficLeavesItToTheListeners() {
        assertThat(PublicPorts.of(List.of("sg-1"), groups(ingress("tcp", 1000, 2000, "0.0.0.0/0")), NO_LISTS).wide()).isTrue();
        assertThat(PublicPorts.of(List.of("sg-1"), groups(ingress("-1", -1, -1, "0.0.0.0/0")), NO_LISTS).wide()).isTrue();
    }

    @Test
    void aPrefixListRuleOpensItsPortWhenAnEntryHoldsTheHost() {
        SecurityGroupRule fromList = new SecurityGroupRule("sgr-1", false, "tcp", 8080, 8080, null, null, "pl-1", null, null, null);
        assertThat(PublicPorts.of(List.of("sg-1"), groups(fromList), new RuleSources(Map.of("pl-1", List.of("10.0.0.0/8", "198.51.100.0/24"))))
                .ports()).containsExactly(8080);
        assertThat(PublicPorts.of(List.of("sg-1"), groups(fromList), new RuleSources(Map.of("pl-1", List.of("10.0.0.0/8")))).ports()).isEmpty();
        assertThat(PublicPorts.of(List.of("sg-1"), groups(fromList), NO_LISTS).ports()).isEmpty();
    }

    @Test
    void nothingOpenMeansNoPort() {
        assertThat(PublicPorts.of(List.of("sg-1", "sg-unknown"), groups(ingress("tcp", 80, 80, "203.0.113.0/24")), NO_LISTS))
                .isEqualTo(new PublicPorts(List.of(), false));
    }
}
