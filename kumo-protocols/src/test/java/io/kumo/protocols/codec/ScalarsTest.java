package io.kumo.protocols.codec;

import io.kumo.protocols.xml.XmlWriter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ScalarsTest {
    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void timestampsMatchTheFormatterOverManyInstants() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L), random.nextInt(1_000_000_000));
            assertThat(Scalars.isoMillis(instant)).isEqualTo(REFERENCE.format(instant));
        }
        assertThat(Scalars.isoMillis(Instant.parse("2026-11-22T03:04:05Z"))).isEqualTo("2026-11-22T03:04:05.000Z");
    }

    @Test
    void xmlTextIsEscapedOnlyWhereNeeded() {
        String xml = new String(new XmlWriter().start("a").attribute("k", "x\"y").text("plain").text(" <&> \n\u0001").end().toBytes(),
                StandardCharsets.UTF_8);
        assertThat(xml).isEqualTo("<a k=\"x&quot;y\">plain &lt;&amp;&gt; \n&#x1;</a>");
    }
}
