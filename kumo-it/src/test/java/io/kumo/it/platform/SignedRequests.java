package io.kumo.it.platform;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/** Hand-built requests signed by the SDK's own SigV4 signer, for what the SDK clients will not send. */
final class SignedRequests {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private SignedRequests() {
    }

    static SdkHttpFullRequest form(URI endpoint, String body) {
        return SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.resolve("/"))
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .contentStreamProvider(ContentStreamProvider.fromUtf8String(body))
                .build();
    }

    static SdkHttpRequest sign(SdkHttpFullRequest request, String service, String secret, Clock clock) {
        return sign(request, service, "test", secret, clock, null);
    }

    static SdkHttpRequest sign(SdkHttpFullRequest request, String service, String key, String secret, Clock clock, Duration presignFor) {
        AwsV4HttpSigner signer = AwsV4HttpSigner.create();
        SignedRequest signed = signer.sign(r -> {
            r.identity(AwsBasicCredentials.create(key, secret))
                    .request(request)
                    .payload(request.contentStreamProvider().orElse(null))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "ap-northeast-1")
                    .putProperty(HttpSigner.SIGNING_CLOCK, clock);
            if (presignFor != null) {
                r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, presignFor);
            }
        });
        return signed.request();
    }

    /** Sends a signed request, with {@code body} (which may differ from what was signed). */
    static HttpResponse<String> send(SdkHttpRequest signed, String body) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(signed.getUri()).timeout(Duration.ofSeconds(20));
        signed.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        builder.method(signed.method().name(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> raw(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
