package io.kumo.it.ec2.runtime;

import io.kumo.fabric.host.Command;
import io.kumo.fabric.host.Isolation;
import io.kumo.fabric.netns.NetworkNamespace;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Looking at running instances from the host: HTTP to public IPs, commands in an instance's network namespace. */
final class Sandboxes {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Sandboxes() {
    }

    static void requireIsolation() {
        Isolation isolation = Isolation.probe();
        assumeTrue(isolation.available(), "sandboxes cannot run here: " + isolation.reason());
    }

    /** GET with short timeouts; empty when the connection fails or times out. */
    static Optional<String> get(String host, int port, String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return Optional.of(r.statusCode() + " " + r.body().strip());
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static String await(Supplier<Optional<String>> probe, Duration limit, String what) {
        return await(probe, limit, () -> what);
    }

    /** As above, with a description made at the time of failure (to show the last state seen). */
    static String await(Supplier<Optional<String>> probe, Duration limit, Supplier<String> what) {
        Instant end = Instant.now().plus(limit);
        while (true) {
            Optional<String> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("gave up after " + limit.toSeconds() + " s waiting for " + what.get());
            }
            sleep(100);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The network namespace Kumo made for an instance. */
    static NetworkNamespace namespaceOf(String instanceId) {
        return kumoNamespace(instanceId).orElseThrow(() -> new AssertionError("no namespace for " + instanceId));
    }

    static boolean hasNamespace(String instanceId) {
        return kumoNamespace(instanceId).isPresent();
    }

    /** Kumo's namespace named after a resource: an instance's, or a VPC's router. */
    private static Optional<NetworkNamespace> kumoNamespace(String resourceId) {
        return NetworkNamespace.all().stream().filter(ns -> ns.name().startsWith("kumo-") && ns.name().endsWith("-" + resourceId)).findFirst();
    }

    /** Connects from inside the instance's network namespace (so from its address) to ip:port; true when it connects. */
    static boolean connectsFrom(String instanceId, String ip, int port) {
        return inNamespace(namespaceOf(instanceId), "timeout", "2", "bash", "-c", "exec 3<>/dev/tcp/" + ip + "/" + port).exitCode() == 0;
    }

    /** Present ("closed") once nothing answers HTTP on host:port, for awaiting a port to close. */
    static Optional<String> closed(String host, int port) {
        return get(host, port, "/").isEmpty() ? Optional.of("closed") : Optional.empty();
    }

    /**
     * What a failed wait on an instance's metadata or network should report: the sockets and addresses of the VPC's
     * router and of the instance, the router's drop counters, and a metadata request made now from the instance's
     * network namespace.
     */
    static String networkReport(String vpcId, String instanceId) {
        StringBuilder out = new StringBuilder();
        kumoNamespace(vpcId).ifPresentOrElse(router -> out.append("router ").append(router.name()).append(":\n")
                        .append(output(router, "ip", "-o", "-4", "address", "show"))
                        .append(output(router, "ss", "-tan"))
                        .append(output(router, "sh", "-c", "nft list ruleset | grep -E 'counter packets [1-9]'")),
                () -> out.append("no router namespace for ").append(vpcId).append('\n'));
        kumoNamespace(instanceId).ifPresentOrElse(instance -> out.append("instance ").append(instance.name()).append(":\n")
                        .append(output(instance, "ip", "-o", "-4", "address", "show"))
                        .append(output(instance, "ip", "route"))
                        .append(output(instance, "ss", "-tan"))
                        .append("metadata now: ").append(output(instance, "curl", "-s", "--max-time", "3", "-o", "/dev/null",
                                "-w", "%{http_code} in %{time_total} s\n", "http://169.254.169.254/latest/meta-data/instance-id")),
                () -> out.append("no namespace for ").append(instanceId).append('\n'));
        return out.toString();
    }

    private static String output(NetworkNamespace ns, String... argv) {
        Command.Result r = inNamespace(ns, argv);
        return r.stdout() + r.stderr();
    }

    private static Command.Result inNamespace(NetworkNamespace ns, String... argv) {
        List<String> command = new java.util.ArrayList<>(List.of("nsenter", "--net=" + ns.path(), "--"));
        command.addAll(List.of(argv));
        return Command.of(command).timeout(Duration.ofSeconds(5)).exec();
    }

    static String hostState() {
        return Command.of("ip", "-o", "link", "show").exec().stdout().replaceAll("link/ether \\S+", "")
                + Command.of("ip", "route", "show", "table", "all").exec().stdout()
                + Command.of("ip", "-o", "address", "show").exec().stdout()
                + (io.kumo.fabric.host.HostTools.find("nft").isPresent() ? Command.of("nft", "list", "ruleset").exec().stdout() : "");
    }
}
