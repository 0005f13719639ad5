package io.kumo.it.platform;

import io.kumo.it.KumoHarness;
import io.kumo.server.Kumo;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SigV4 as real clients send it: each failure answered with the code its service uses. */
class SignatureTest {
    private static final String EC2_BODY = "Action=DescribeRegions&Version=2016-11-15";
    private static final String STS_BODY = "Action=GetCallerIdentity&Version=2011-06-15";
    private final KumoHarness kumo = KumoHarness.shared();
    private final URI endpoint = kumo.endpoint();
    private final Clock now = Clock.systemUTC();

    @Test
    void aCorrectlySignedRequestIsServed() throws Exception {
        var signed = SignedRequests.sign(SignedRequests.form(endpoint, STS_BODY), "sts", "test", now);
        HttpResponse<String> response = SignedRequests.send(signed, STS_BODY);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<Account>000000000000</Account>").contains("<RequestId>");
    }

    @Test
    void aWrongSecretIsAuthFailureForEc2AndSignatureDoesNotMatchForSts() throws Exception {
        var ec2 = SignedRequests.send(SignedRequests.sign(SignedRequests.form(endpoint, EC2_BODY), "ec2", "wrong", now), EC2_BODY);
        assertThat(ec2.statusCode()).isEqualTo(401);
        assertThat(ec2.body()).contains("<Code>AuthFailure</Code>").contains("<RequestID>");
        var sts = SignedRequests.send(SignedRequests.sign(SignedRequests.form(endpoint, STS_BODY), "sts", "wrong", now), STS_BODY);
        assertThat(sts.statusCode()).isEqualTo(403);
        assertThat(sts.body()).contains("<Code>SignatureDoesNotMatch</Code>").contains("<ErrorResponse");
    }

    @Test
    void aTamperedBodyFailsTheSignature() throws Exception {
        var signed = SignedRequests.sign(SignedRequests.form(endpoint, STS_BODY), "sts", "test", now);
        var response = SignedRequests.send(signed, STS_BODY + "&Extra=1");
        assertThat(response.body()).contains("<Code>SignatureDoesNotMatch</Code>");
        var ec2Signed = SignedRequests.sign(SignedRequests.form(endpoint, EC2_BODY), "ec2", "test", now);
        assertThat(SignedRequests.send(ec2Signed, EC2_BODY.replace("DescribeRegions", "DescribeVpcs")).body())
                .contains("<Code>AuthFailure</Code>");
    }

    @Test
    void aClockSkewOverFifteenMinutesIsRefused() throws Exception {
        for (Duration skew : new Duration[]{Duration.ofMinutes(16), Duration.ofMinutes(-16)}) {
            Clock skewed = Clock.fixed(Instant.now().plus(skew), ZoneOffset.UTC);
            var ec2 = SignedRequests.send(SignedRequests.sign(SignedRequests.form(endpoint, EC2_BODY), "ec2", "test", skewed), EC2_BODY);
            assertThat(ec2.statusCode()).isEqualTo(400);
            assertThat(ec2.body()).contains("<Code>RequestExpired</Code>");
            var sts = SignedRequests.send(SignedRequests.sign(SignedRequests.form(endpoint, STS_BODY), "sts", "test", skewed), STS_BODY);
            assertThat(sts.statusCode()).isEqualTo(403);
            assertThat(sts.body()).contains("<Code>SignatureDoesNotMatch</Code>").containsAnyOf("Signature expired", "Signature not yet current");
        }
        Clock slightly = Clock.fixed(Instant.now().minus(Duration.ofMinutes(14)), ZoneOffset.UTC);
        var ok = SignedRequests.send(SignedRequests.sign(SignedRequests.form(endpoint, STS_BODY), "sts", "test", slightly), STS_BODY);
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    @Test
    void presignedQueryStringsAreVerified() throws Exception {
        var get = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET).uri(endpoint.resolve("/"))
                .putRawQueryParameter("Action", "GetCallerIdentity").putRawQueryParameter("Version", "2011-06-15").build();
        var good = SignedRequests.sign(get, "sts", "test", "test", now, Duration.ofMinutes(5));
        assertThat(good.getUri().getRawQuery()).contains("X-Amz-Signature=");
        assertThat(SignedRequests.send(good, null).statusCode()).isEqualTo(200);
        var bad = SignedRequests.sign(get, "sts", "test", "nope", now, Duration.ofMinutes(5));
        assertThat(SignedRequests.send(bad, null).body()).contains("SignatureDoesNotMatch");
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        var expired = SignedRequests.sign(get, "sts", "test", "test", past, Duration.ofMinutes(5));
        assertThat(SignedRequests.send(expired, null).statusCode()).isEqualTo(403);
    }

    @Test
    void anUnknownKeyActsAsTheRootUnlessStrict() throws Exception {
        StsClient lenient = sts(kumo.endpoint(), "AKIAIOSFODNN7EXAMPLE", "whatever");
        assertThat(lenient.getCallerIdentity().account()).isEqualTo("000000000000");
        try (Kumo strict = KumoHarness.startDedicated(true, null, true)) {
            StsClient refused = sts(URI.create(strict.endpoint()), "AKIAIOSFODNN7EXAMPLE", "whatever");
            assertThatThrownBy(refused::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
            var ec2 = SignedRequests.send(SignedRequests.sign(SignedRequests.form(URI.create(strict.endpoint()), EC2_BODY), "ec2",
                    "AKIAIOSFODNN7EXAMPLE", "whatever", now, null), EC2_BODY);
            assertThat(ec2.body()).contains("<Code>AuthFailure</Code>");
            StsClient root = sts(URI.create(strict.endpoint()), "test", "test");
            assertThat(root.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:root");
        }
    }

    @Test
    void generatedKeysAreVerified() throws Exception {
        var created = SignedRequests.raw(java.net.http.HttpRequest.newBuilder(endpoint.resolve("/_kumo/access-keys"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(created.statusCode()).isEqualTo(200);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.body());
        String key = json.get("AccessKeyId").asText();
        String secret = json.get("SecretAccessKey").asText();
        assertThat(key).matches("AKIA[A-Z0-9]{16}");
        assertThat(secret).hasSize(40);
        assertThat(sts(endpoint, key, secret).getCallerIdentity().account()).isEqualTo("000000000000");
        assertThatThrownBy(() -> sts(endpoint, key, secret + "x").getCallerIdentity()).isInstanceOfSatisfying(StsException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch"));
    }

    @Test
    void aRequestWithoutAnySignatureIsRefused() throws Exception {
        var response = SignedRequests.raw(java.net.http.HttpRequest.newBuilder(endpoint.resolve("/?Action=GetCallerIdentity&Version=2011-06-15"))
                .GET().build());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("MissingAuthenticationToken");
    }

    private static StsClient sts(URI endpoint, String key, String secret) {
        return StsClient.builder().endpointOverride(endpoint).region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }
}
