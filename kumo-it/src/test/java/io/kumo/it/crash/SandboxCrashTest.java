package io.kumo.it.crash;

import io.kumo.fabric.host.Command;
import io.kumo.fabric.host.Isolation;
import io.kumo.fabric.netns.NetworkNamespace;
import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Kumo killed with SIGKILL while an instance runs: its sandbox dies with it, the restarted Kumo
 * reclaims the namespaces and boots the instance again (without running its user data twice), and
 * a clean stop leaves no namespace, process or mount behind.
 */
class SandboxCrashTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void nothingLeaksAcrossAKillAndARestart() throws Exception {
        assumeTrue(Isolation.probe().available(), "sandboxes cannot run here");
        Path data = dir.resolve("data");
        String instanceId;
        String image;
        try (KumoProcess first = KumoProcess.start(data, dir.resolve("kumo1.log"))) {
            Ec2Client ec2 = client(first);
            image = ec2.describeImages(r -> r.owners("amazon").filters(f -> f.name("name").values("debian-12-amd64-*"))).images().getFirst().imageId();
            String userData = Base64.getEncoder().encodeToString("#!/bin/sh\necho user-data-ran\n".getBytes(StandardCharsets.UTF_8));
            instanceId = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1).userData(userData))
                    .instances().getFirst().instanceId();
            waitFor(() -> ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().getFirst().instances().getFirst()
                    .state().nameAsString().equals("running"));
            waitFor(() -> console(ec2, instanceId).contains("user-data-ran"));
            assertThat(namespacesOf(instanceId)).hasSize(1);
            first.kill9();
            waitFor(() -> sandboxProcesses(instanceId) == 0);
        }
        try (KumoProcess second = KumoProcess.start(data, dir.resolve("kumo2.log"))) {
            Ec2Client ec2 = client(second);
            waitFor(() -> console(ec2, instanceId).split("is up", -1).length == 3);
            assertThat(console(ec2, instanceId).split("user-data-ran", -1)).as("user data ran once").hasSize(2);
            assertThat(namespacesOf(instanceId)).hasSize(1);
            assertThat(sandboxProcesses(instanceId)).isPositive();
        }
        assertThat(namespacesOf(instanceId)).isEmpty();
        assertThat(sandboxProcesses(instanceId)).isZero();
        assertThat(Command.of("cat", "/proc/mounts").run()).doesNotContain(instanceId);
    }

    private static Ec2Client client(KumoProcess kumo) {
        return Ec2Client.builder().endpointOverride(kumo.endpoint()).region(Region.AP_NORTHEAST_1)
                .credentialsProvider(KumoHarness.credentials()).build();
    }

    private static String console(Ec2Client ec2, String id) {
        String out = ec2.getConsoleOutput(r -> r.instanceId(id)).output();
        return out == null ? "" : new String(Base64.getDecoder().decode(out), StandardCharsets.UTF_8);
    }

    private static List<NetworkNamespace> namespacesOf(String instanceId) {
        return NetworkNamespace.all().stream().filter(ns -> ns.name().endsWith("-" + instanceId)).toList();
    }

    /** Processes whose command line names the instance's directory: its sandbox's unshare and boot script. */
    private static long sandboxProcesses(String instanceId) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(instanceId)).count();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(40));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("still waiting").isBefore(end);
            Thread.sleep(100);
        }
    }
}
