package io.kumo.it.crash;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where sandboxes are impossible (forced here with KUMO_INSTANCES=process), instances are plain
 * processes of the host: user data still runs once and is the console, and both the console and a
 * kumo:isolation tag say that nothing isolates them. Kumo runs as a separate process so the mode
 * applies to it alone.
 */
class PlainProcessInstancesTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void userDataRunsOnceAndTheMissingIsolationIsReported() throws Exception {
        try (KumoProcess kumo = KumoProcess.start(dir.resolve("data"), dir.resolve("kumo.log"), "-Dkumo.instances=process")) {
            Ec2Client ec2 = Ec2Client.builder().endpointOverride(kumo.endpoint()).region(Region.AP_NORTHEAST_1)
                    .credentialsProvider(KumoHarness.credentials()).build();
            String image = ec2.describeImages(r -> r.owners("amazon").filters(f -> f.name("name").values("debian-12-amd64-*")))
                    .images().getFirst().imageId();
            String userData = Base64.getEncoder().encodeToString("#!/bin/sh\necho plain-user-data-ran\n".getBytes(StandardCharsets.UTF_8));
            String id = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1).userData(userData))
                    .instances().getFirst().instanceId();
            waitFor(() -> describe(ec2, id).state().nameAsString().equals("running"));
            waitFor(() -> console(ec2, id).contains("user data finished"));
            assertThat(console(ec2, id)).contains("NOT ISOLATED", "plain-user-data-ran", "exit status 0");
            assertThat(describe(ec2, id).tags()).anySatisfy(t -> {
                assertThat(t.key()).isEqualTo("kumo:isolation");
                assertThat(t.value()).startsWith("none");
            });

            ec2.stopInstances(r -> r.instanceIds(id));
            waitFor(() -> describe(ec2, id).state().nameAsString().equals("stopped"));
            assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(id)).count()).isZero();
            ec2.startInstances(r -> r.instanceIds(id));
            waitFor(() -> console(ec2, id).contains("does not run again"));
            assertThat(console(ec2, id).split("plain-user-data-ran", -1)).hasSize(2);
        }
    }

    private static Instance describe(Ec2Client ec2, String id) {
        return ec2.describeInstances(r -> r.instanceIds(id)).reservations().getFirst().instances().getFirst();
    }

    private static String console(Ec2Client ec2, String id) {
        String out = ec2.getConsoleOutput(r -> r.instanceId(id)).output();
        return out == null ? "" : new String(Base64.getDecoder().decode(out), StandardCharsets.UTF_8);
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("still waiting").isBefore(end);
            Thread.sleep(100);
        }
    }
}
