package io.kumo.auth;

import io.kumo.core.http.HttpRequest;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Signs requests with the AWS SDK for Java v2 signer and turns them into what the edge hands us. */
final class SdkSigning {
    static final String REGION = "ap-northeast-1";
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final AwsCredentialsIdentity identity;
    private final Clock clock;

    SdkSigning(AwsCredentialsIdentity identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    static SdkHttpRequest.Builder request(SdkHttpMethod method, String encodedPath) {
        return SdkHttpRequest.builder()
                .method(method)
                .protocol("http")
                .host("localhost")
                .port(4566)
                .encodedPath(encodedPath);
    }

    /** Header-signed, with S3's or the generic canonicalisation depending on the signing name. */
    HttpRequest sign(SdkHttpRequest request, String body, String service) {
        return sign(request, body, service, b -> { });
    }

    HttpRequest sign(SdkHttpRequest request, String body, String service, Consumer<SignRequest.Builder<AwsCredentialsIdentity>> extra) {
        SignRequest.Builder<AwsCredentialsIdentity> builder = SignRequest.builder(identity)
                .request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock);
        if (body != null) {
            builder.payload(ContentStreamProvider.fromUtf8String(body));
        }
        if (SigV4Verifier.isS3(service)) {
            builder.putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false);
        }
        extra.accept(builder);
        SignedRequest signed = SIGNER.sign(builder.build());
        byte[] payload = signed.payload().map(SdkSigning::read).orElse(new byte[0]);
        return toHttpRequest(signed.request(), payload);
    }

    /** Presigned in the query string, valid for {@code expiry}. */
    HttpRequest presign(SdkHttpRequest request, String service, Duration expiry, boolean payloadSigning) {
        return sign(request, null, service, b -> b
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, expiry)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, payloadSigning));
    }

    static HttpRequest toHttpRequest(SdkHttpRequest request, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        return new HttpRequest(request.method().name(), request.encodedPath(),
                request.encodedQueryParameters().orElse(""), headers, body, "127.0.0.1");
    }

    static HttpRequest withBody(HttpRequest r, String body) {
        return new HttpRequest(r.method(), r.rawPath(), r.rawQuery(), r.headers(), body.getBytes(StandardCharsets.UTF_8), r.remoteAddress());
    }

    static HttpRequest withHeader(HttpRequest r, String name, String... values) {
        Map<String, List<String>> headers = new LinkedHashMap<>(r.headers());
        headers.put(name, List.of(values));
        return new HttpRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body(), r.remoteAddress());
    }

    static HttpRequest withoutHeader(HttpRequest r, String name) {
        Map<String, List<String>> headers = new LinkedHashMap<>(r.headers());
        headers.remove(name);
        return new HttpRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body(), r.remoteAddress());
    }

    static HttpRequest withQuery(HttpRequest r, String rawQuery) {
        return new HttpRequest(r.method(), r.rawPath(), rawQuery, r.headers(), r.body(), r.remoteAddress());
    }

    static HttpRequest withPath(HttpRequest r, String rawPath) {
        return new HttpRequest(r.method(), rawPath, r.rawQuery(), r.headers(), r.body(), r.remoteAddress());
    }

    private static byte[] read(ContentStreamProvider provider) {
        try (InputStream in = provider.newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
