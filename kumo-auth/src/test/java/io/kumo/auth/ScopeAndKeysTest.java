package io.kumo.auth;

import io.kumo.core.http.HttpRequest;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeAndKeysTest {

    private static HttpRequest withAuthorization(String value) {
        return new HttpRequest("GET", "/", "", Map.of("authorization", List.of(value)), null, "127.0.0.1");
    }

    @Test
    void scopeFromHeader() {
        HttpRequest request = withAuthorization("AWS4-HMAC-SHA256 Credential=AKID/20261122/ap-northeast-1/ec2/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=00");

        assertThat(SigV4Verifier.scopeOf(request)).contains(new CredentialScope("AKID", "20261122", "ap-northeast-1", "ec2"));
    }

    @Test
    void scopeFromPresignedQuery() {
        HttpRequest request = new HttpRequest("GET", "/b/k",
                "X-Amz-Credential=AKID%2F20261122%2Fus-west-2%2Fs3%2Faws4_request&X-Amz-Date=20261122T100000Z",
                Map.of(), null, "127.0.0.1");

        assertThat(SigV4Verifier.scopeOf(request)).contains(new CredentialScope("AKID", "20261122", "us-west-2", "s3"));
    }

    @Test
    void noScopeForOtherSchemesOrBrokenCredentials() {
        assertThat(SigV4Verifier.scopeOf(withAuthorization("Bearer abc"))).isEmpty();
        assertThat(SigV4Verifier.scopeOf(withAuthorization("AWS4-HMAC-SHA256 Credential=AKID/2026/x/y/aws4_request"))).isEmpty();
        assertThat(SigV4Verifier.scopeOf(withAuthorization("AWS4-HMAC-SHA256 Credential=AKID/20261122/r/s/aws5_request"))).isEmpty();
        assertThat(SigV4Verifier.scopeOf(withAuthorization("AWS4-HMAC-SHA256 Credential=AKID/20261122//s/aws4_request"))).isEmpty();
    }

    @Test
    void madeUpKeysWithSlashesStillParse() {
        assertThat(CredentialScope.parse("my/odd/key/20261122/eu-west-1/sqs/aws4_request"))
                .isEqualTo(new CredentialScope("my/odd/key", "20261122", "eu-west-1", "sqs"));
    }

    @Test
    void accessKeysLookLikeAws() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String id = AccessKeys.newAccessKeyId();
            assertThat(id).matches("AKIA[A-Z2-7]{16}");
            ids.add(id);
            assertThat(AccessKeys.newSecretKey()).matches("[A-Za-z0-9+/]{40}");
        }
        assertThat(ids).hasSize(100);
        assertThat(AccessKeys.newTemporaryAccessKeyId()).matches("ASIA[A-Z2-7]{16}");
    }

    @Test
    void signingKeysAreDerivedOncePerScope() {
        SigningKeyCache cache = new SigningKeyCache(3);
        SigningKey first = cache.get("secret", "20261122", "ap-northeast-1", "ec2");

        assertThat(cache.get("secret", "20261122", "ap-northeast-1", "ec2")).isSameAs(first);
        assertThat(cache.get("secret", "20261123", "ap-northeast-1", "ec2")).isNotSameAs(first);
        assertThat(first.bytes()).isEqualTo(SigningKey.derive("secret", "20261122", "ap-northeast-1", "ec2").bytes());

        cache.get("other", "20261122", "ap-northeast-1", "ec2");
        cache.get("third", "20261122", "ap-northeast-1", "ec2");
        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void credentialsDoNotPrintTheirSecret() {
        Credential credential = new Credential("AKID", "super-secret", io.kumo.core.Principal.root("000000000000", "AKID"));

        assertThat(credential.toString()).doesNotContain("super-secret");
    }
}
