package io.kumo.auth;

import io.kumo.auth.AuthErrors.ErrorCode;
import io.kumo.auth.SigV4Exception.Detail;
import io.kumo.auth.SigV4Exception.Kind;
import io.kumo.core.AwsException;
import io.kumo.core.Principal;
import io.kumo.core.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.kumo.auth.SdkSignedRequestsTest.ACCOUNT;
import static io.kumo.auth.SdkSignedRequestsTest.AKID;
import static io.kumo.auth.SdkSignedRequestsTest.KNOWN;
import static io.kumo.auth.SdkSignedRequestsTest.NOW;
import static io.kumo.auth.SdkSignedRequestsTest.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each way a request can fail authentication, with the code each service family answers. */
class FailuresTest {
    private final MutableClock clock = new MutableClock(NOW);
    private final SdkSigning sdk = new SdkSigning(AwsCredentialsIdentity.create(AKID, SECRET), clock);
    private final SdkSigning wrongSecret = new SdkSigning(AwsCredentialsIdentity.create(AKID, "not-the-secret"), clock);
    private final Authenticator strict = new Authenticator(StaticCredentials.of(KNOWN), Authenticator.Mode.STRICT, ACCOUNT, clock);
    private final Authenticator lenient = new Authenticator(StaticCredentials.of(KNOWN), Authenticator.Mode.LENIENT, ACCOUNT, clock);

    private static SdkHttpRequest ec2Post() {
        return SdkSigning.request(SdkHttpMethod.POST, "/")
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .build();
    }

    private static final String EC2_BODY = "Action=TerminateInstances&Version=2016-11-15&InstanceId.1=i-0123456789abcdef0";

    private SigV4Exception failure(Authenticator authenticator, HttpRequest request) {
        SigV4Exception e = catchThrowableOfType(SigV4Exception.class, () -> authenticator.authenticate(request));
        assertThat(e).as("expected authentication to fail").isNotNull();
        return e;
    }

    @Test
    void wrongSecret() {
        SigV4Exception e = failure(strict, wrongSecret.sign(ec2Post(), EC2_BODY, "ec2"));

        assertThat(e.kind()).isEqualTo(Kind.SIGNATURE_MISMATCH);
        assertThat(e.getMessage()).isEqualTo("The request signature we calculated does not match the signature you provided. "
                + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        assertThat(e.fields()).containsKeys("AWSAccessKeyId", "StringToSign", "SignatureProvided", "CanonicalRequest");
        assertThat(AuthErrors.codeFor(e, "ec2", "ec2")).isEqualTo(new ErrorCode("AuthFailure", 401));
        assertThat(AuthErrors.codeFor(e, "sts", "query")).isEqualTo(new ErrorCode("SignatureDoesNotMatch", 403));
        assertThat(AuthErrors.codeFor(e, "acm", "json")).isEqualTo(new ErrorCode("InvalidSignatureException", 400));
        assertThat(AuthErrors.messageFor(e, "ec2", "ec2")).isEqualTo("AWS was not able to validate the provided access credentials");
    }

    @Test
    void wrongSecretForS3() {
        SigV4Exception e = failure(strict, wrongSecret.sign(SdkSigning.request(SdkHttpMethod.GET, "/bucket/key").build(), null, "s3"));

        assertThat(e.kind()).isEqualTo(Kind.SIGNATURE_MISMATCH);
        AwsException aws = AuthErrors.toAwsException(e, "s3", "rest-xml");
        assertThat(aws.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(aws.status()).isEqualTo(403);
        assertThat(aws.getMessage()).isEqualTo(
                "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
    }

    @Test
    void builtInTestKeyIsVerifiedToo() {
        SdkSigning badTest = new SdkSigning(AwsCredentialsIdentity.create("test", "nottest"), clock);

        assertThat(failure(lenient, badTest.sign(ec2Post(), EC2_BODY, "ec2")).kind()).isEqualTo(Kind.SIGNATURE_MISMATCH);
    }

    @Test
    void knownKeyIsVerifiedInLenientMode() {
        assertThat(failure(lenient, wrongSecret.sign(ec2Post(), EC2_BODY, "ec2")).kind()).isEqualTo(Kind.SIGNATURE_MISMATCH);
    }

    @Test
    void tamperedBodyForEc2BreaksTheSignature() {
        HttpRequest signed = sdk.sign(ec2Post(), EC2_BODY, "ec2");
        HttpRequest tampered = SdkSigning.withBody(signed, EC2_BODY.replace("i-0123456789abcdef0", "i-0fedcba9876543210"));

        assertThat(failure(strict, tampered).kind()).isEqualTo(Kind.SIGNATURE_MISMATCH);
    }

    @Test
    void tamperedBodyForS3IsAContentHashMismatch() {
        HttpRequest signed = sdk.sign(SdkSigning.request(SdkHttpMethod.PUT, "/bucket/key").build(), "original", "s3",
                b -> b.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true));
        HttpRequest tampered = SdkSigning.withBody(signed, "tampered");

        SigV4Exception e = failure(strict, tampered);

        assertThat(e.kind()).isEqualTo(Kind.PAYLOAD_HASH_MISMATCH);
        assertThat(e.fields()).containsEntry("ClientComputedContentSHA256", Crypto.sha256Hex("original"))
                .containsEntry("S3ComputedContentSHA256", Crypto.sha256Hex("tampered"));
        assertThat(AuthErrors.codeFor(e, "s3", "rest-xml")).isEqualTo(new ErrorCode("XAmzContentSHA256Mismatch", 400));
        assertThat(AuthErrors.messageFor(e, "s3", "rest-xml"))
                .isEqualTo("The provided 'x-amz-content-sha256' header does not match what was computed.");
    }

    @Test
    void tamperedBodyForS3IsCaughtInLenientModeToo() {
        SdkSigning stranger = new SdkSigning(AwsCredentialsIdentity.create("AKIASTRANGER00000001", "x"), clock);
        HttpRequest signed = stranger.sign(SdkSigning.request(SdkHttpMethod.PUT, "/bucket/key").build(), "original", "s3",
                b -> b.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true));

        assertThat(failure(lenient, SdkSigning.withBody(signed, "tampered")).kind()).isEqualTo(Kind.PAYLOAD_HASH_MISMATCH);
    }

    @Test
    void contentSha256ThatIsNoHashAtAll() {
        // A hand-rolled client that signed a nonsense x-amz-content-sha256 as its payload hash.
        String canonical = String.join("\n", "PUT", "/bucket/key", "",
                "host:localhost:4566", "x-amz-content-sha256:banana", "x-amz-date:20261122T100000Z", "",
                "host;x-amz-content-sha256;x-amz-date", "banana");
        String stringToSign = "AWS4-HMAC-SHA256\n20261122T100000Z\n20261122/ap-northeast-1/s3/aws4_request\n"
                + Crypto.sha256Hex(canonical);
        String signature = SigningKey.derive(SECRET, "20261122", "ap-northeast-1", "s3").sign(stringToSign);
        HttpRequest request = new HttpRequest("PUT", "/bucket/key", "", Map.of(
                "host", List.of("localhost:4566"),
                "x-amz-content-sha256", List.of("banana"),
                "x-amz-date", List.of("20261122T100000Z"),
                "authorization", List.of("AWS4-HMAC-SHA256 Credential=" + AKID + "/20261122/ap-northeast-1/s3/aws4_request,"
                        + "SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=" + signature)),
                "body".getBytes(), "127.0.0.1");

        SigV4Exception e = failure(strict, request);

        assertThat(e.kind()).isEqualTo(Kind.PAYLOAD_HASH_MISMATCH);
        assertThat(e.detail()).isEqualTo(Detail.INVALID_CONTENT_SHA256);
        assertThat(AuthErrors.codeFor(e, "s3", "rest-xml")).isEqualTo(new ErrorCode("InvalidArgument", 400));
    }

    @Test
    void tamperedSignedHeader() {
        HttpRequest signed = sdk.sign(SdkSigning.request(SdkHttpMethod.PUT, "/bucket/key").putHeader("x-amz-meta-owner", "alice").build(),
                "x", "s3", b -> b.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true));

        assertThat(failure(strict, SdkSigning.withHeader(signed, "x-amz-meta-owner", "mallory")).kind())
                .isEqualTo(Kind.SIGNATURE_MISMATCH);
        assertThat(failure(strict, SdkSigning.withoutHeader(signed, "x-amz-meta-owner")).kind())
                .isEqualTo(Kind.SIGNATURE_MISMATCH);
    }

    @Test
    void tamperedQuery() {
        HttpRequest signed = sdk.sign(SdkSigning.request(SdkHttpMethod.GET, "/").putRawQueryParameter("Action", "DescribeVpcs").build(), null, "ec2");

        assertThat(failure(strict, SdkSigning.withQuery(signed, "Action=DeleteVpc")).kind()).isEqualTo(Kind.SIGNATURE_MISMATCH);
    }

    @Test
    void tamperedPath() {
        HttpRequest signed = sdk.sign(SdkSigning.request(SdkHttpMethod.GET, "/bucket/mine").build(), null, "s3");

        assertThat(failure(strict, SdkSigning.withPath(signed, "/bucket/yours")).kind()).isEqualTo(Kind.SIGNATURE_MISMATCH);
    }

    @ParameterizedTest(name = "{0} minutes")
    @ValueSource(longs = {16, -16})
    void clockSkewOfSixteenMinutes(long minutes) {
        HttpRequest signed = sdk.sign(ec2Post(), EC2_BODY, "ec2");
        clock.set(NOW.plus(Duration.ofMinutes(minutes)));

        SigV4Exception e = failure(strict, signed);

        assertThat(e.kind()).isEqualTo(Kind.CLOCK_SKEW);
        if (minutes > 0) {
            assertThat(e.getMessage()).isEqualTo(
                    "Signature expired: 20261122T100000Z is now earlier than 20261122T100100Z (20261122T101600Z - 15 min.)");
        } else {
            assertThat(e.getMessage()).isEqualTo(
                    "Signature not yet current: 20261122T100000Z is still later than 20261122T095900Z (20261122T094400Z + 15 min.)");
        }
        assertThat(e.fields()).containsEntry("RequestTime", "20261122T100000Z").containsEntry("MaxAllowedSkewMilliseconds", "900000");
        assertThat(AuthErrors.codeFor(e, "ec2", "ec2")).isEqualTo(new ErrorCode("RequestExpired", 400));
        assertThat(AuthErrors.codeFor(e, "s3", "rest-xml")).isEqualTo(new ErrorCode("RequestTimeTooSkewed", 403));
        assertThat(AuthErrors.codeFor(e, "sts", "query")).isEqualTo(new ErrorCode("SignatureDoesNotMatch", 403));
        assertThat(AuthErrors.messageFor(e, "sts", "query")).startsWith("Signature ");
    }

    @Test
    void clockSkewIsCheckedForUnknownKeysInLenientModeToo() {
        SdkSigning stranger = new SdkSigning(AwsCredentialsIdentity.create("AKIASTRANGER00000001", "x"), clock);
        HttpRequest signed = stranger.sign(ec2Post(), EC2_BODY, "ec2");
        clock.advance(Duration.ofMinutes(16));

        assertThat(failure(lenient, signed).kind()).isEqualTo(Kind.CLOCK_SKEW);
    }

    @Test
    void expiredPresignedUrl() {
        HttpRequest presigned = sdk.presign(SdkSigning.request(SdkHttpMethod.GET, "/bucket/key").build(), "s3", Duration.ofMinutes(5), false);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        SigV4Exception e = failure(strict, presigned);

        assertThat(e.kind()).isEqualTo(Kind.EXPIRED);
        assertThat(e.presigned()).isTrue();
        assertThat(e.fields()).containsEntry("X-Amz-Expires", "300").containsEntry("Expires", "2026-11-22T10:05:00Z")
                .containsEntry("ServerTime", "2026-11-22T10:05:01Z");
        assertThat(AuthErrors.codeFor(e, "s3", "rest-xml")).isEqualTo(new ErrorCode("AccessDenied", 403));
        assertThat(AuthErrors.messageFor(e, "s3", "rest-xml")).isEqualTo("Request has expired");
        assertThat(AuthErrors.codeFor(e, "ec2", "ec2")).isEqualTo(new ErrorCode("RequestExpired", 400));
    }

    @Test
    void presignedUrlFromTheFuture() {
        clock.set(NOW.plus(Duration.ofMinutes(30)));
        HttpRequest presigned = sdk.presign(SdkSigning.request(SdkHttpMethod.GET, "/bucket/key").build(), "s3", Duration.ofHours(2), false);
        clock.set(NOW);

        SigV4Exception e = failure(strict, presigned);

        assertThat(e.kind()).isEqualTo(Kind.EXPIRED);
        assertThat(e.detail()).isEqualTo(Detail.NOT_YET_VALID);
        assertThat(e.getMessage()).isEqualTo("Request is not yet valid");
    }

    @Test
    void presignedExpiryOverSevenDays() {
        HttpRequest presigned = sdk.presign(SdkSigning.request(SdkHttpMethod.GET, "/bucket/key").build(), "s3", Duration.ofDays(7), false);
        HttpRequest tooLong = SdkSigning.withQuery(presigned, presigned.rawQuery().replace("X-Amz-Expires=604800", "X-Amz-Expires=604801"));

        assertThat(strict.authenticate(presigned)).isEqualTo(KNOWN.principal());
        SigV4Exception e = failure(strict, tooLong);
        assertThat(e.kind()).isEqualTo(Kind.EXPIRED);
        assertThat(e.detail()).isEqualTo(Detail.EXPIRES_OUT_OF_RANGE);
        assertThat(AuthErrors.codeFor(e, "s3", "rest-xml")).isEqualTo(new ErrorCode("AuthorizationQueryParametersError", 400));
    }

    @Test
    void presignedWithWrongSessionToken() {
        Credential temporary = new Credential("ASIAKUMOTEMPKEY00001", "tempSecret", Principal.root(ACCOUNT, "ASIAKUMOTEMPKEY00001"), "right-token");
        Authenticator auth = new Authenticator(StaticCredentials.of(temporary), Authenticator.Mode.STRICT, ACCOUNT, clock);
        SdkSigning session = new SdkSigning(software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity
                .create("ASIAKUMOTEMPKEY00001", "tempSecret", "wrong-token"), clock);

        SigV4Exception e = failure(auth, session.presign(SdkSigning.request(SdkHttpMethod.GET, "/b/k").build(), "s3", Duration.ofMinutes(1), false));

        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_ACCESS_KEY);
        assertThat(e.detail()).isEqualTo(Detail.INVALID_SESSION_TOKEN);
        assertThat(AuthErrors.codeFor(e, "s3", "rest-xml")).isEqualTo(new ErrorCode("InvalidToken", 400));
        assertThat(AuthErrors.codeFor(e, "sts", "query")).isEqualTo(new ErrorCode("InvalidClientTokenId", 403));
    }

    @Test
    void unknownKeyInStrictMode() {
        SdkSigning stranger = new SdkSigning(AwsCredentialsIdentity.create("AKIASTRANGER00000001", "x"), clock);

        SigV4Exception e = failure(strict, stranger.sign(ec2Post(), EC2_BODY, "ec2"));

        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_ACCESS_KEY);
        assertThat(AuthErrors.codeFor(e, "ec2", "ec2")).isEqualTo(new ErrorCode("AuthFailure", 401));
        assertThat(AuthErrors.codeFor(e, "sts", "query")).isEqualTo(new ErrorCode("InvalidClientTokenId", 403));
        assertThat(AuthErrors.messageFor(e, "sts", "query")).isEqualTo("The security token included in the request is invalid.");
        assertThat(AuthErrors.codeFor(e, "s3", "rest-xml")).isEqualTo(new ErrorCode("InvalidAccessKeyId", 403));
        assertThat(AuthErrors.codeFor(e, "acm", "json")).isEqualTo(new ErrorCode("UnrecognizedClientException", 400));
    }

    @Test
    void unknownKeyInLenientModeIsAccepted() {
        SdkSigning stranger = new SdkSigning(AwsCredentialsIdentity.create("AKIASTRANGER00000001", "x"), clock);

        assertThat(lenient.authenticate(stranger.sign(ec2Post(), EC2_BODY, "ec2")))
                .isEqualTo(Principal.root(ACCOUNT, "AKIASTRANGER00000001"));
    }

    @Test
    void missingAuthentication() {
        HttpRequest anonymous = new HttpRequest("GET", "/", "Action=DescribeRegions&Version=2016-11-15",
                Map.of("host", List.of("localhost:4566")), null, "127.0.0.1");

        SigV4Exception e = failure(lenient, anonymous);

        assertThat(e.kind()).isEqualTo(Kind.MISSING_AUTH);
        assertThat(AuthErrors.codeFor(e, "ec2", "ec2")).isEqualTo(new ErrorCode("MissingAuthenticationToken", 401));
        assertThat(AuthErrors.codeFor(e, "sts", "query")).isEqualTo(new ErrorCode("MissingAuthenticationToken", 403));
        assertThat(AuthErrors.messageFor(e, "sts", "query")).isEqualTo("Request is missing Authentication Token");
        assertThat(AuthErrors.codeFor(e, "s3", "rest-xml")).isEqualTo(new ErrorCode("AccessDenied", 403));
        assertThat(SigV4Verifier.scopeOf(anonymous)).isEmpty();
    }

    @Test
    void authorizationHeaderMissingParts() {
        HttpRequest request = header("AWS4-HMAC-SHA256 Credential=" + AKID + "/20261122/ap-northeast-1/sts/aws4_request", true);

        SigV4Exception e = failure(strict, request);

        assertThat(e.kind()).isEqualTo(Kind.INCOMPLETE_SIGNATURE);
        assertThat(e.getMessage()).isEqualTo("Authorization header requires 'Signature' parameter. "
                + "Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 Credential="
                + AKID + "/20261122/ap-northeast-1/sts/aws4_request");
        assertThat(AuthErrors.codeFor(e, "sts", "query")).isEqualTo(new ErrorCode("IncompleteSignature", 400));
        assertThat(AuthErrors.codeFor(e, "ec2", "ec2")).isEqualTo(new ErrorCode("IncompleteSignature", 400));
        assertThat(AuthErrors.codeFor(e, "s3", "rest-xml")).isEqualTo(new ErrorCode("AuthorizationHeaderMalformed", 400));
        // The scope is still readable, so the edge can route the error to the right service.
        assertThat(SigV4Verifier.scopeOf(request)).contains(new CredentialScope(AKID, "20261122", "ap-northeast-1", "sts"));
    }

    @Test
    void authorizationHeaderWithoutEqualsSign() {
        SigV4Exception e = failure(lenient, header("AWS4-HMAC-SHA256 garbage", true));

        assertThat(e.kind()).isEqualTo(Kind.INCOMPLETE_SIGNATURE);
        assertThat(e.getMessage()).startsWith("'garbage' not a valid key=value pair (missing equal-sign) in Authorization header");
    }

    @Test
    void malformedCredentialScope() {
        SigV4Exception e = failure(lenient, header("AWS4-HMAC-SHA256 Credential=" + AKID + "/20261122/sts/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=abcd", true));

        assertThat(e.kind()).isEqualTo(Kind.INCOMPLETE_SIGNATURE);
        assertThat(e.getMessage()).contains("Credential is mal-formed");
    }

    @Test
    void missingDate() {
        SigV4Exception e = failure(lenient, header("AWS4-HMAC-SHA256 Credential=" + AKID + "/20261122/ap-northeast-1/s3/aws4_request, "
                + "SignedHeaders=host, Signature=abcd", false));

        assertThat(e.kind()).isEqualTo(Kind.INCOMPLETE_SIGNATURE);
        assertThat(e.detail()).isEqualTo(Detail.MISSING_DATE);
        assertThat(e.getMessage()).contains("requires existence of either a 'X-Amz-Date' or a 'Date' header");
        assertThat(AuthErrors.codeFor(e, "s3", "rest-xml")).isEqualTo(new ErrorCode("AccessDenied", 403));
    }

    @Test
    void unsupportedAlgorithm() {
        SigV4Exception e = failure(lenient, header("AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=", true));

        assertThat(e.kind()).isEqualTo(Kind.INCOMPLETE_SIGNATURE);
    }

    @Test
    void hostMustBeSigned() {
        SigV4Exception e = failure(lenient, header("AWS4-HMAC-SHA256 Credential=" + AKID + "/20261122/ap-northeast-1/ec2/aws4_request, "
                + "SignedHeaders=x-amz-date, Signature=abcd", true));

        assertThat(e.kind()).isEqualTo(Kind.INCOMPLETE_SIGNATURE);
    }

    @Test
    void scopeDateMustBeTheRequestsDay() {
        SigV4Exception e = failure(lenient, header("AWS4-HMAC-SHA256 Credential=" + AKID + "/20261121/ap-northeast-1/ec2/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=abcd", true));

        assertThat(e.kind()).isEqualTo(Kind.SIGNATURE_MISMATCH);
        assertThat(e.detail()).isEqualTo(Detail.SCOPE_DATE_MISMATCH);
        assertThat(e.getMessage()).isEqualTo("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                + "'20261121' != '20261122', from '20261122T100000Z'.");
    }

    @Test
    void presignedMissingParameters() {
        HttpRequest request = new HttpRequest("GET", "/bucket/key", "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
                + AKID + "%2F20261122%2Fap-northeast-1%2Fs3%2Faws4_request", Map.of("host", List.of("localhost")), null, "127.0.0.1");

        SigV4Exception e = failure(lenient, request);

        assertThat(e.kind()).isEqualTo(Kind.INCOMPLETE_SIGNATURE);
        assertThat(e.presigned()).isTrue();
        assertThat(AuthErrors.codeFor(e, "s3", "rest-xml")).isEqualTo(new ErrorCode("AuthorizationQueryParametersError", 400));
        assertThat(SigV4Verifier.scopeOf(request)).contains(new CredentialScope(AKID, "20261122", "ap-northeast-1", "s3"));
    }

    private static HttpRequest header(String authorization, boolean withDate) {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        headers.put("host", List.of("localhost:4566"));
        if (withDate) {
            headers.put("x-amz-date", List.of("20261122T100000Z"));
        }
        headers.put("authorization", List.of(authorization));
        return new HttpRequest("POST", "/", "", headers, "Action=GetCallerIdentity".getBytes(), "127.0.0.1");
    }
}
