package io.kumo.auth;

import io.kumo.core.Principal;
import io.kumo.core.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests signed by the AWS SDK for Java v2 verify. */
class SdkSignedRequestsTest {
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final String ACCOUNT = "123456789012";
    static final String AKID = "AKIAKUMOTESTKEY00001";
    static final String SECRET = "kumoTestSecretKey/0123456789+abcdefghijklm";
    static final Credential KNOWN = new Credential(AKID, SECRET, Principal.root(ACCOUNT, AKID));

    private final MutableClock clock = new MutableClock(NOW);
    private final SdkSigning sdk = new SdkSigning(AwsCredentialsIdentity.create(AKID, SECRET), clock);
    private final Authenticator strict = new Authenticator(StaticCredentials.of(KNOWN), Authenticator.Mode.STRICT, ACCOUNT, clock);

    @Test
    void getWithQuery() {
        SdkHttpRequest request = SdkSigning.request(SdkHttpMethod.GET, "/")
                .putRawQueryParameter("Action", "DescribeRegions")
                .putRawQueryParameter("Version", "2016-11-15")
                .putRawQueryParameter("Filter.1.Name", "region-name")
                .putRawQueryParameter("Filter.1.Value.1", List.of("ap-*", "us east+1/ü", "~tilde*star"))
                .putRawQueryParameter("empty", "")
                .build();

        VerifiedRequest verified = strict.verify(sdk.sign(request, null, "ec2"));

        assertThat(verified.principal()).isEqualTo(KNOWN.principal());
        assertThat(verified.signatureVerified()).isTrue();
        assertThat(verified.scope()).isEqualTo(new CredentialScope(AKID, "20261122", SdkSigning.REGION, "ec2"));
        assertThat(verified.amzDate()).isEqualTo("20261122T100000Z");
    }

    @Test
    void postFormBodyEc2Style() {
        String body = "Action=RunInstances&Version=2016-11-15&ImageId=ami-12345678&MinCount=1&MaxCount=1"
                + "&TagSpecification.1.Tag.1.Value=a%20b%2Bc";
        SdkHttpRequest request = SdkSigning.request(SdkHttpMethod.POST, "/")
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .build();

        VerifiedRequest verified = strict.verify(sdk.sign(request, body, "ec2"));

        assertThat(verified.payloadHash()).isEqualTo(Crypto.sha256Hex(body));
    }

    @Test
    void jsonBodyForJsonProtocolServices() {
        String body = "{\"CertificateArn\":\"arn:aws:acm:ap-northeast-1:123456789012:certificate/abc\"}";
        SdkHttpRequest request = SdkSigning.request(SdkHttpMethod.POST, "/")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "CertificateManager.DescribeCertificate")
                .build();

        assertThat(strict.authenticate(sdk.sign(request, body, "acm"))).isEqualTo(KNOWN.principal());
    }

    static Stream<Arguments> paths() {
        List<String> rawPaths = List.of(
                "/bucket/key with spaces.txt",
                "/bucket/ユニコード/ሴ.txt",
                "/bucket//double//slashes",
                "/bucket/a/../b",
                "/bucket/./c/.",
                "/bucket/dir/",
                "/bucket/odd!'()*+,;=:@$&chars",
                "/bucket/%2Fencoded%2Fslash",
                "/");
        return Stream.of("s3", "execute-api", "lambda")
                .flatMap(service -> rawPaths.stream().map(path -> Arguments.of(service, path)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("paths")
    void pathsAreCanonicalisedAsTheSdkDoes(String service, String path) {
        // The SDK sends the path percent-encoded, so that is what arrives on the request line.
        String encoded = path.contains("%") ? path : SdkHttpUtils.urlEncodeIgnoreSlashes(path);
        SdkHttpRequest request = SdkSigning.request(SdkHttpMethod.GET, encoded).build();

        HttpRequest signed = sdk.sign(request, null, service);

        assertThat(signed.rawPath()).isEqualTo(encoded);
        assertThat(strict.authenticate(signed)).isEqualTo(KNOWN.principal());
    }

    @Test
    void s3AndOtherServicesDisagreeAboutTheSamePath() {
        SdkHttpRequest request = SdkSigning.request(SdkHttpMethod.GET, "/bucket/a/../b").build();
        HttpRequest signedForS3 = sdk.sign(request, null, "s3");

        // The same bytes, claimed for another service, must not verify: the canonical URIs differ.
        HttpRequest claimedAsLambda = SdkSigning.withHeader(signedForS3, "authorization",
                signedForS3.header("authorization").replace("/s3/", "/lambda/"));
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(SigV4Exception.class,
                () -> strict.authenticate(claimedAsLambda)).kind()).isEqualTo(SigV4Exception.Kind.SIGNATURE_MISMATCH);
    }

    @Test
    void s3PathSentWithBareCharactersTheSignerEncoded() {
        SdkHttpRequest request = SdkSigning.request(SdkHttpMethod.GET, "/bucket/a%21b%28c%29").build();
        HttpRequest signed = sdk.sign(request, null, "s3");

        // Some HTTP clients send sub-delimiters bare although the signer encoded them.
        assertThat(strict.authenticate(SdkSigning.withPath(signed, "/bucket/a!b(c)"))).isEqualTo(KNOWN.principal());
    }

    @Test
    void absoluteFormRequestTarget() {
        HttpRequest signed = sdk.sign(SdkSigning.request(SdkHttpMethod.GET, "/a/b").build(), null, "lambda");

        assertThat(strict.authenticate(SdkSigning.withPath(signed, "http://localhost:4566/a/b"))).isEqualTo(KNOWN.principal());
    }

    @Test
    void headersWithRunsOfWhitespaceAndRepeatedValues() {
        SdkHttpRequest request = SdkSigning.request(SdkHttpMethod.PUT, "/bucket/key")
                .putHeader("X-Amz-Meta-Spaced", "  a   b \t c  ")
                .putHeader("X-Amz-Meta-Multi", List.of("one", "  two  words "))
                .putHeader("Content-Type", "text/plain")
                .build();

        HttpRequest signed = sdk.sign(request, "hello", "s3", b -> b.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true));

        assertThat(signed.headers().get("x-amz-meta-multi")).hasSize(2);
        assertThat(strict.authenticate(signed)).isEqualTo(KNOWN.principal());
    }

    @Test
    void s3PutWithContentSha256Header() {
        SdkHttpRequest request = SdkSigning.request(SdkHttpMethod.PUT, "/bucket/object.txt").build();

        HttpRequest signed = sdk.sign(request, "object body", "s3",
                b -> b.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true));
        VerifiedRequest verified = strict.verify(signed);

        assertThat(signed.header("x-amz-content-sha256")).isEqualTo(Crypto.sha256Hex("object body"));
        assertThat(verified.payloadHash()).isEqualTo(Crypto.sha256Hex("object body"));
        assertThat(verified.streaming()).isFalse();
    }

    @Test
    void s3UnsignedPayloadOverHttps() {
        SdkHttpRequest request = SdkSigning.request(SdkHttpMethod.PUT, "/bucket/object.txt").protocol("https").build();

        VerifiedRequest verified = strict.verify(sdk.sign(request, "anything", "s3",
                b -> b.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)));

        assertThat(verified.unsignedPayload()).isTrue();
    }

    @Test
    void streamingPayloadIsAcceptedAndItsChunksVerifyWithTheReturnedKey() {
        String content = "x".repeat(1000);
        SdkHttpRequest request = SdkSigning.request(SdkHttpMethod.PUT, "/bucket/streamed")
                .putHeader("x-amz-decoded-content-length", Integer.toString(content.length()))
                .build();

        HttpRequest signed = sdk.sign(request, content, "s3", b -> b
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, true));
        VerifiedRequest verified = strict.verify(signed);

        assertThat(verified.payloadHash()).isEqualTo("STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
        assertThat(verified.streaming()).isTrue();
        assertThat(verified.signingKey()).isNotNull();

        // The first chunk's signature chains from the seed signature under the same key.
        String body = new String(signed.body(), StandardCharsets.ISO_8859_1);
        int headerEnd = body.indexOf("\r\n");
        String chunkHeader = body.substring(0, headerEnd);
        int size = Integer.parseInt(chunkHeader.substring(0, chunkHeader.indexOf(';')), 16);
        String chunkSignature = chunkHeader.substring(chunkHeader.indexOf("chunk-signature=") + "chunk-signature=".length());
        byte[] chunk = content.substring(0, size).getBytes(StandardCharsets.UTF_8);
        String stringToSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + verified.amzDate() + "\n" + verified.scope().scope() + "\n"
                + verified.signature() + "\n" + Crypto.EMPTY_SHA256 + "\n" + Crypto.sha256Hex(chunk);
        assertThat(verified.signingKey().sign(stringToSign)).isEqualTo(chunkSignature);
    }

    @Test
    void presignedS3Get() {
        SdkHttpRequest request = SdkSigning.request(SdkHttpMethod.GET, "/bucket/photos/2026/cat%20picture.jpg")
                .putRawQueryParameter("response-content-disposition", "attachment; filename=\"cat.jpg\"")
                .build();

        HttpRequest presigned = sdk.presign(request, "s3", Duration.ofMinutes(5), false);
        VerifiedRequest verified = strict.verify(presigned);

        assertThat(presigned.header("authorization")).isNull();
        assertThat(verified.presigned()).isTrue();
        assertThat(verified.payloadHash()).isEqualTo("UNSIGNED-PAYLOAD");
        assertThat(verified.principal()).isEqualTo(KNOWN.principal());
    }

    @Test
    void presignedRequestStaysValidUntilItExpires() {
        SdkHttpRequest request = SdkSigning.request(SdkHttpMethod.GET, "/bucket/key").build();
        HttpRequest presigned = sdk.presign(request, "s3", Duration.ofHours(1), false);

        clock.advance(Duration.ofMinutes(59));

        assertThat(strict.authenticate(presigned)).isEqualTo(KNOWN.principal());
    }

    @Test
    void presignedForNonS3SignsTheBodyHash() {
        SdkHttpRequest request = SdkSigning.request(SdkHttpMethod.GET, "/")
                .putRawQueryParameter("Action", "GetCallerIdentity")
                .putRawQueryParameter("Version", "2011-06-15")
                .putHeader("x-k8s-aws-id", "my-cluster")
                .build();

        HttpRequest presigned = sdk.presign(request, "sts", Duration.ofSeconds(60), true);

        assertThat(strict.verify(presigned).payloadHash()).isEqualTo(Crypto.EMPTY_SHA256);
    }

    @Test
    void temporaryCredentialsWithSessionToken() {
        String token = "FwoGZXIvYXdzEKumo//////////token+with/slashes=";
        Credential temporary = new Credential("ASIAKUMOTEMPKEY00001", "tempSecret", Principal.root(ACCOUNT, "ASIAKUMOTEMPKEY00001"), token);
        Authenticator auth = new Authenticator(StaticCredentials.of(temporary), Authenticator.Mode.STRICT, ACCOUNT, clock);
        SdkSigning session = new SdkSigning(AwsSessionCredentialsIdentity.create("ASIAKUMOTEMPKEY00001", "tempSecret", token), clock);

        HttpRequest header = session.sign(SdkSigning.request(SdkHttpMethod.GET, "/").putRawQueryParameter("Action", "GetCallerIdentity").build(), null, "sts");
        HttpRequest presigned = session.presign(SdkSigning.request(SdkHttpMethod.GET, "/bucket/k").build(), "s3", Duration.ofMinutes(1), false);

        assertThat(auth.authenticate(header).accessKeyId()).isEqualTo("ASIAKUMOTEMPKEY00001");
        assertThat(auth.authenticate(presigned).accessKeyId()).isEqualTo("ASIAKUMOTEMPKEY00001");
    }

    @Test
    void clockSkewJustInsideTheWindowIsAccepted() {
        HttpRequest signed = sdk.sign(SdkSigning.request(SdkHttpMethod.GET, "/").putRawQueryParameter("Action", "DescribeVpcs").build(), null, "ec2");

        clock.set(NOW.plus(Duration.ofMinutes(14)));
        assertThat(strict.authenticate(signed)).isEqualTo(KNOWN.principal());
        clock.set(NOW.minus(Duration.ofMinutes(14)));
        assertThat(strict.authenticate(signed)).isEqualTo(KNOWN.principal());
    }

    @Test
    void builtInTestKeyIsTheConfiguredAccountsRootEvenInStrictMode() {
        SdkSigning testKey = new SdkSigning(AwsCredentialsIdentity.create("test", "test"), clock);

        Principal principal = strict.authenticate(testKey.sign(SdkSigning.request(SdkHttpMethod.GET, "/").build(), null, "sts"));

        assertThat(principal).isEqualTo(Principal.root(ACCOUNT, "test"));
    }

    @Test
    void unknownKeyInLenientModeIsTheAccountRootUnverified() {
        Authenticator lenient = new Authenticator(StaticCredentials.of(KNOWN), Authenticator.Mode.LENIENT, ACCOUNT, clock);
        SdkSigning stranger = new SdkSigning(AwsCredentialsIdentity.create("AKIASOMEONEELSE00001", "whatever"), clock);

        VerifiedRequest verified = lenient.verify(stranger.sign(SdkSigning.request(SdkHttpMethod.GET, "/").build(), null, "ec2"));

        assertThat(verified.principal()).isEqualTo(Principal.root(ACCOUNT, "AKIASOMEONEELSE00001"));
        assertThat(verified.signatureVerified()).isFalse();
        assertThat(verified.signingKey()).isNull();
    }

    @Test
    void defaultAccountWhenNoneConfigured() {
        Authenticator lenient = Authenticator.lenient();
        assertThat(lenient.accountId()).isEqualTo("000000000000");
        assertThat(lenient.mode()).isEqualTo(Authenticator.Mode.LENIENT);
    }
}
