package io.kumo.it.crash;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.route53.Route53Client;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream of mutations from several clients, Kumo killed with SIGKILL in the middle of it, then
 * restarted on the same data dir: every change that was acknowledged is there and describes
 * exactly as it did when it was acknowledged.
 */
class CrashRecoveryTest {
    private static final int WRITERS = 4;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void everyAcknowledgedChangeSurvivesKillNine() throws Exception {
        Path data = dir.resolve("data");
        Map<String, Object> acknowledged = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        java.util.Queue<String> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        try (KumoProcess first = KumoProcess.start(data, dir.resolve("kumo.log"))) {
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                running.add(writers.submit(() -> mutate(first.endpoint(), writer, acknowledged, stop, failures)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < 120 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            first.kill9();
            stop.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("mutations acknowledged before the kill; failures: " + failures).hasSizeGreaterThanOrEqualTo(100);

        try (KumoProcess second = KumoProcess.start(data, dir.resolve("kumo.log"))) {
            Clients clients = new Clients(second.endpoint());
            Map<String, Object> mismatched = new LinkedHashMap<>();
            acknowledged.forEach((id, described) -> {
                Object now = clients.describe(id);
                if (!described.equals(now)) {
                    mismatched.put(id, now);
                }
            });
            assertThat(mismatched).as("resources missing or changed after restart").isEmpty();
        }
    }

    /** Creates resources until told to stop; records each one's description once acknowledged. */
    private static void mutate(URI endpoint, int writer, Map<String, Object> acknowledged, AtomicBoolean stop,
                               java.util.Queue<String> failures) {
        Clients clients = new Clients(endpoint);
        for (int i = 0; i < 10_000 && !stop.get(); i++) {
            try {
                String id = switch (i % 3) {
                    case 0 -> clients.ec2.createSecurityGroup(r -> r.groupName("w" + writer + "-" + System.nanoTime())
                            .description("crash test")
                            .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.SECURITY_GROUP)
                                    .tags(Tag.builder().key("writer").value(Integer.toString(writer)).build()).build())).groupId();
                    case 1 -> clients.route53.createHostedZone(r -> r.name("w" + writer + "-" + System.nanoTime() + ".example")
                            .callerReference(writer + "-" + System.nanoTime())).hostedZone().id();
                    default -> clients.acm.requestCertificate(r -> r.domainName("w" + writer + ".example.com")).certificateArn();
                };
                acknowledged.put(id, clients.describe(id));
            } catch (RuntimeException e) {
                if (!stop.get()) {
                    failures.add(e.toString());
                }
                return;
            }
        }
    }

    private static final class Clients {
        final Ec2Client ec2;
        final Route53Client route53;
        final AcmClient acm;

        Clients(URI endpoint) {
            var http = ApacheHttpClient.builder().build();
            ec2 = Ec2Client.builder().endpointOverride(endpoint).region(Region.AP_NORTHEAST_1).httpClient(http)
                    .credentialsProvider(KumoHarness.credentials()).overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))).build();
            route53 = Route53Client.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL).httpClient(http)
                    .credentialsProvider(KumoHarness.credentials()).overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))).build();
            acm = AcmClient.builder().endpointOverride(endpoint).region(Region.AP_NORTHEAST_1).httpClient(http)
                    .credentialsProvider(KumoHarness.credentials()).overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))).build();
        }

        Object describe(String id) {
            if (id.startsWith("sg-")) {
                return ec2.describeSecurityGroups(r -> r.groupIds(id)).securityGroups();
            }
            if (id.startsWith("arn:aws:acm")) {
                return acm.describeCertificate(r -> r.certificateArn(id)).certificate();
            }
            return route53.getHostedZone(r -> r.id(id)).hostedZone();
        }
    }
}
