package io.kumo.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalRequestTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'',                 /",
            "/,                  /",
            "//,                 /",
            "//example//,        /example/",
            "/./example,         /example",
            "/example/..,        /",
            "/a/b/..,            /a",
            "/a/b/../,           /a/",
            "/a/./b/.,           /a/b",
            "/example1/example2/../.., /",
            "/../a,              /a",
            "/%2E%2E/a,          /%2E%2E/a",
    })
    void removesDotAndEmptySegments(String path, String expected) {
        assertThat(CanonicalRequest.removeDotSegments(path)).isEqualTo(expected);
    }

    @Test
    void nonS3PathsAreEncodedOnceMore() {
        assertThat(CanonicalRequest.uri("/my%20file/ሴ", false)).isEqualTo("/my%2520file/%E1%88%B4");
        assertThat(CanonicalRequest.uri("", false)).isEqualTo("/");
    }

    @Test
    void s3PathsAreTakenAsSent() {
        assertThat(CanonicalRequest.uri("/b/my%20file//../x", true)).isEqualTo("/b/my%20file//../x");
        assertThat(CanonicalRequest.uri("", true)).isEqualTo("/");
        assertThat(CanonicalRequest.s3StrictUri("/b/a!b%2Fc")).isEqualTo("/b/a%21b%2Fc");
        assertThat(CanonicalRequest.s3StrictUri("/b/already%20fine")).isNull();
    }

    @Test
    void queryIsSortedByEncodedNameThenValue() {
        RawQuery query = RawQuery.parse("b=2&a=z&a=y&A=1&c&=skipped&&d=");

        assertThat(CanonicalRequest.query(query, false)).isEqualTo("A=1&a=y&a=z&b=2&c=&d=");
    }

    @Test
    void queryComponentsAreReencodedCanonically() {
        // lower-case hex, an encoded unreserved character, bare reserved characters, a bare plus.
        RawQuery query = RawQuery.parse("k%3a=%7Ea%2fb&x=a/b:c&p=1+2&s=%20&bad=%zz");

        assertThat(CanonicalRequest.query(query, false))
                .isEqualTo("bad=%25zz&k%3A=~a%2Fb&p=1%2B2&s=%20&x=a%2Fb%3Ac");
    }

    @Test
    void presignedSignatureIsLeftOutOfTheQuery() {
        RawQuery query = RawQuery.parse("X-Amz-Signature=abc&X-Amz-Date=20261122T100000Z");

        assertThat(CanonicalRequest.query(query, true)).isEqualTo("X-Amz-Date=20261122T100000Z");
        assertThat(CanonicalRequest.query(query, false)).isEqualTo("X-Amz-Date=20261122T100000Z&X-Amz-Signature=abc");
    }

    @Test
    void headerValuesAreTrimmedCollapsedAndJoined() {
        Map<String, List<String>> headers = Map.of(
                "host", List.of("example.com"),
                "x-multi", List.of("  one ", "two   three"),
                "x-tabs", List.of("\ta\t\tb  "),
                "x-empty", List.of(""));

        assertThat(CanonicalRequest.headers(headers, List.of("host", "x-empty", "x-multi", "x-tabs")))
                .isEqualTo("host:example.com\nx-empty:\nx-multi:one,two three\nx-tabs:a b\n");
    }

    @Test
    void http2AuthorityStandsInForHost() {
        assertThat(CanonicalRequest.headers(Map.of(":authority", List.of("example.com")), List.of("host")))
                .isEqualTo("host:example.com\n");
    }
}
