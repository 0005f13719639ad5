package io.kumo.route53.support;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DnsNamesTest {

    @Test
    void namesAreLowerCasedGivenTheFinalDotAndDecoded() {
        assertThat(DnsNames.parse("WWW.Example.COM")).isEqualTo("www.example.com.");
        assertThat(DnsNames.parse("\\052.example.com.")).isEqualTo("*.example.com.");
        assertThat(DnsNames.escaped("*.example.com.")).isEqualTo("\\052.example.com.");
        assertThat(DnsNames.escaped("a_b-c.example.com.")).isEqualTo("a_b-c.example.com.");
    }

    @Test
    void malformedNamesAreRefused() {
        for (String bad : List.of("", ".", "a..b", "a b.com", "x".repeat(64) + ".com", "\\999.com", "\\056.com")) {
            assertThatThrownBy(() -> DnsNames.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void sortingReversesLabelsAndComparesAsAscii() {
        assertThat(DnsNames.sortKey("www.example.com.")).isEqualTo("com.example.www.");
        List<String> sorted = Stream.of("www.example.com.", "example.com.", "a.example.com.", "*.example.com.", "example-a.com.", "b.a.example.com.")
                .sorted(Comparator.comparing(DnsNames::sortKey)).toList();
        // "-" sorts before "." in ASCII, so example-a.com. comes before every name under example.com.
        assertThat(sorted).containsExactly("example-a.com.", "example.com.", "*.example.com.", "a.example.com.", "b.a.example.com.",
                "www.example.com.");
    }

    @Test
    void withinTheZoneMeansTheApexOrBelowIt() {
        assertThat(DnsNames.within("example.com.", "example.com.")).isTrue();
        assertThat(DnsNames.within("a.example.com.", "example.com.")).isTrue();
        assertThat(DnsNames.within("aexample.com.", "example.com.")).isFalse();
    }
}
