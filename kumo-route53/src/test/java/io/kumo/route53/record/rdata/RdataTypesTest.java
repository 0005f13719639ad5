package io.kumo.route53.record.rdata;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RdataTypesTest {
    private static final Map<String, List<String>> VALID = Map.ofEntries(
            Map.entry("A", List.of("192.0.2.1", "0.0.0.0", "255.255.255.255")),
            Map.entry("AAAA", List.of("2001:db8::1", "::1", "2001:0db8:0000:0000:0000:0000:0000:0001")),
            Map.entry("CNAME", List.of("www.example.org", "www.example.org.")),
            Map.entry("MX", List.of("10 mail.example.com", "0 .")),
            Map.entry("TXT", List.of("\"hello world\"", "\"a\" \"b\"", "token", "\"v=spf1 -all\"")),
            Map.entry("SPF", List.of("\"v=spf1 include:example.org -all\"")),
            Map.entry("NS", List.of("ns1.example.org.")),
            Map.entry("PTR", List.of("host.example.com")),
            Map.entry("SOA", List.of("ns1.example.com. hostmaster.example.com. 1 7200 900 1209600 86400")),
            Map.entry("SRV", List.of("10 5 5060 sip.example.com")),
            Map.entry("CAA", List.of("0 issue \"amazon.com\"", "128 iodef \"mailto:a@example.com\"")),
            Map.entry("NAPTR", List.of("100 50 \"u\" \"E2U+sip\" \"!^.*$!sip:info@example.com!\" .")),
            Map.entry("DS", List.of("12345 13 2 49FD46E6C4B45C55D4AC69CBD3CD34AC1AFE51DE8D5A9D3A1B0E3F1C2A4B6D8E")));
    private static final Map<String, List<String>> INVALID = Map.ofEntries(
            Map.entry("A", List.of("1.2.3", "256.1.1.1", "1.2.3.4 5.6.7.8", "example.com", "01.2.3.4")),
            Map.entry("AAAA", List.of("1.2.3.4", "2001:db8::g", "")),
            Map.entry("CNAME", List.of("a..b", "a b")),
            Map.entry("MX", List.of("mail.example.com", "70000 mail.example.com", "-1 x")),
            Map.entry("TXT", List.of("hello world", "\"open", "\"" + "x".repeat(256) + "\"")),
            Map.entry("SOA", List.of("ns1 hostmaster 1 2 3 4", "ns1 hostmaster 1 2 3 4 x")),
            Map.entry("SRV", List.of("10 5 sip.example.com", "10 5 99999 sip.example.com")),
            Map.entry("CAA", List.of("0 issue amazon.com", "0 nope \"x\"", "300 issue \"x\"")),
            Map.entry("NAPTR", List.of("100 50 \"u\" \"E2U+sip\" .")),
            Map.entry("DS", List.of("12345 13 2 XYZ", "12345 13 2")));

    @Test
    void everyTypeAcceptsItsValuesAndDnsjavaReadsThem() throws Exception {
        assertThat(VALID.keySet()).containsExactlyInAnyOrder("A", "AAAA", "CNAME", "MX", "TXT", "SPF", "NS", "PTR", "SOA", "SRV", "CAA",
                "NAPTR", "DS");
        for (var e : VALID.entrySet()) {
            RdataType type = RdataTypes.of(e.getKey()).orElseThrow();
            for (String value : e.getValue()) {
                String stored = type.check(value);
                Record parsed = Record.fromString(Name.fromString("x.example.com."), Type.value(e.getKey()), DClass.IN, 60, stored, Name.root);
                assertThat(parsed).as(e.getKey() + " " + value).isNotNull();
            }
        }
    }

    @Test
    void everyTypeRefusesMalformedValuesWithAwsWording() {
        for (var e : INVALID.entrySet()) {
            RdataType type = RdataTypes.of(e.getKey()).orElseThrow();
            for (String value : e.getValue()) {
                assertThatThrownBy(() -> type.check(value)).as(e.getKey() + " " + value).isInstanceOf(BadRdata.class);
            }
        }
        assertThatThrownBy(() -> new ARdata().check("1.2.3")).isInstanceOfSatisfying(BadRdata.class, b -> assertThat(b.describe("1.2.3"))
                .isEqualTo("Invalid Resource Record: 'FATAL problem: ARRDATAIllegalIPv4Address (Value is not a valid IPv4 address) encountered with '1.2.3''"));
    }

    @Test
    void unknownTypesAreNotServed() {
        assertThat(RdataTypes.of("HTTPS")).isEmpty();
        assertThat(new CnameRdata().manyValues()).isFalse();
        assertThat(new SoaRdata().manyValues()).isFalse();
        assertThat(new ARdata().manyValues()).isTrue();
    }
}
