package io.kumo.auth;

import io.kumo.core.Principal;
import io.kumo.core.http.HttpRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cases from AWS's published SigV4 test suite (aws-sig-v4-test-suite): request lines exactly as
 * the suite gives them and the signatures it expects.
 */
class OfficialVectorsTest {
    private static final Credential EXAMPLE = new Credential("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            Principal.root("111122223333", "AKIDEXAMPLE"));
    private final SigV4Verifier verifier =
            new SigV4Verifier(Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC));

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "get-vanilla,             /,              5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            "get-slash-pointless-dot, /./example,     ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5",
            "get-slashes,             //example//,    9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84",
            "get-space,               /example space/, 652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741",
    })
    void verifiesSuiteSignature(String name, String path, String signature) {
        HttpRequest request = new HttpRequest("GET", path, "", Map.of(
                "Host", List.of("example.amazonaws.com"),
                "X-Amz-Date", List.of("20150830T123600Z"),
                "Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=" + signature)),
                null, "127.0.0.1");

        VerifiedRequest verified = verifier.verify(request, EXAMPLE);

        assertThat(verified.principal()).isEqualTo(EXAMPLE.principal());
        assertThat(verified.scope()).isEqualTo(new CredentialScope("AKIDEXAMPLE", "20150830", "us-east-1", "service"));
        assertThat(verified.payloadHash()).isEqualTo(Crypto.EMPTY_SHA256);
    }

    @org.junit.jupiter.api.Test
    void getVanillaCanonicalRequestAndStringToSign() {
        String canonical = CanonicalRequest.build("GET", CanonicalRequest.uri("/", false), "",
                "host:example.amazonaws.com\nx-amz-date:20150830T123600Z\n", "host;x-amz-date", Crypto.EMPTY_SHA256);
        assertThat(canonical).isEqualTo("""
                GET
                /

                host:example.amazonaws.com
                x-amz-date:20150830T123600Z

                host;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""");

        String stringToSign = SigV4Verifier.stringToSign("20150830T123600Z",
                new CredentialScope("AKIDEXAMPLE", "20150830", "us-east-1", "service"), canonical);
        SigningKey key = SigningKey.derive("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830", "us-east-1", "service");
        assertThat(key.sign(stringToSign)).isEqualTo("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }
}
