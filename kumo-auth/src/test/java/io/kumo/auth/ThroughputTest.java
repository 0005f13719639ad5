package io.kumo.auth;

import io.kumo.core.http.HttpRequest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Verification is on every request's path; this guards against it becoming grossly slow. */
class ThroughputTest {

    @Test
    void verifiesThousandsOfRequestsPerSecond() {
        MutableClock clock = new MutableClock(SdkSignedRequestsTest.NOW);
        Authenticator auth = new Authenticator(StaticCredentials.of(SdkSignedRequestsTest.KNOWN), Authenticator.Mode.STRICT,
                SdkSignedRequestsTest.ACCOUNT, clock);
        SdkSigning sdk = new SdkSigning(AwsCredentialsIdentity.create(SdkSignedRequestsTest.AKID, SdkSignedRequestsTest.SECRET), clock);
        HttpRequest request = sdk.sign(SdkSigning.request(SdkHttpMethod.POST, "/")
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build(),
                "Action=DescribeInstances&Version=2016-11-15&Filter.1.Name=instance-state-name&Filter.1.Value.1=running", "ec2");

        int warmup = 2_000;
        for (int i = 0; i < warmup; i++) {
            auth.authenticate(request);
        }
        int count = 5_000;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            auth.authenticate(request);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        // About 25 µs each on a development machine; the bound only catches an order-of-magnitude regression.
        assertThat(elapsed).isLessThan(Duration.ofSeconds(5));
    }
}
