package io.kumo.ec2.runtime.dns;

import io.kumo.core.dns.HostedZoneAnswers.TextRecord;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Record;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParsedRecordsTest {
    private final ParsedRecords parsed = new ParsedRecords();

    @Test
    void aRecordIsParsedOnceAndServedAgain() throws IOException {
        Record first = parsed.parse(new TextRecord("www.example.com.", "A", 300, "192.0.2.1"));

        assertThat(((ARecord) first).getAddress().getHostAddress()).isEqualTo("192.0.2.1");
        assertThat(first.getTTL()).isEqualTo(300);
        assertThat(parsed.parse(new TextRecord("www.example.com.", "A", 300, "192.0.2.1"))).isSameAs(first);
        assertThat(parsed.parse(new TextRecord("www.example.com.", "A", 60, "192.0.2.1")).getTTL()).isEqualTo(60);
    }

    @Test
    void anUnreadableValueFailsEachTime() {
        TextRecord bad = new TextRecord("www.example.com.", "A", 300, "not-an-address");

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> parsed.parse(bad)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void pastTheLimitItStartsOverAndStillAnswers() throws IOException {
        for (int i = 0; i <= ParsedRecords.LIMIT; i++) {
            parsed.parse(new TextRecord("h" + i + ".example.com.", "A", 300, "192.0.2.1"));
        }

        Record again = parsed.parse(new TextRecord("h0.example.com.", "A", 300, "192.0.2.1"));
        assertThat(again.getName().toString()).isEqualTo("h0.example.com.");
        assertThat(HostedZoneSources.parse(List.of(new TextRecord("x.example.com.", "TXT", 60, "\"hi\"")))).hasSize(1);
    }
}
