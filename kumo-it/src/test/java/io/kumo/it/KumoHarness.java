package io.kumo.it;

import io.kumo.core.KumoSettings;
import io.kumo.server.Kumo;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One Kumo per test JVM, started in-process on a free port with an in-memory store, and real
 * AWS SDK clients pointed at it. Nothing of Kumo is mocked: requests go over HTTP.
 */
public final class KumoHarness {
    public static final Region REGION = Region.AP_NORTHEAST_1;
    private static KumoHarness shared;

    private final Kumo kumo;
    private final SdkHttpClient http = ApacheHttpClient.builder().maxConnections(64).build();

    private KumoHarness(Kumo kumo) {
        this.kumo = kumo;
    }

    public static synchronized KumoHarness shared() {
        if (shared == null) {
            shared = new KumoHarness(Kumo.start(settings(true, null, false)));
            Runtime.getRuntime().addShutdownHook(new Thread(shared.kumo::close));
        }
        return shared;
    }

    /** A separate Kumo with its own settings; the caller closes it. */
    public static Kumo startDedicated(boolean ephemeral, Path dataDir, boolean strictAuth) {
        return Kumo.start(settings(ephemeral, dataDir, strictAuth));
    }

    private static KumoSettings settings(boolean ephemeral, Path dataDir, boolean strictAuth) {
        return new KumoSettings("127.0.0.1", 0, dataDir, ephemeral, KumoSettings.DEFAULT_ACCOUNT,
                KumoSettings.DEFAULT_REGION, "warn", strictAuth);
    }

    public URI endpoint() {
        return URI.create(kumo.endpoint());
    }

    public static AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    public Ec2Client ec2() {
        return ec2(REGION);
    }

    public Ec2Client ec2(Region region) {
        return configure(Ec2Client.builder(), region).build();
    }

    public StsClient sts() {
        return configure(StsClient.builder(), REGION).build();
    }

    public Route53Client route53() {
        return configure(Route53Client.builder(), Region.AWS_GLOBAL).build();
    }

    public AcmClient acm() {
        return configure(AcmClient.builder(), REGION).build();
    }

    public software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client elbv2() {
        return configure(software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client.builder(), REGION).build();
    }

    /** Points any SDK client builder at this Kumo. */
    public <B extends AwsClientBuilder<B, ?>> B configure(B builder, Region region) {
        builder.endpointOverride(endpoint()).region(region).credentialsProvider(credentials());
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http);
        }
        return builder;
    }

    /** Wipes all state, as a suite would between tests. */
    public void reset() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(endpoint().resolve("/_kumo/reset")).POST(HttpRequest.BodyPublishers.noBody())
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("reset failed: " + response.statusCode() + " " + response.body());
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
