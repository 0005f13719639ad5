package io.kumo.ec2.runtime.host;

import io.kumo.fabric.netns.NetworkNamespace;
import io.kumo.fabric.sandbox.Sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the ports public instances listen on and keeps the host's public endpoints in step, on a
 * thread of its own. Reading an instance's socket table costs the kernel a walk of its global
 * hash tables, so a freshly booted instance (whose user data is starting servers) is looked at
 * often and an older one only now and then.
 */
public final class PublicPortScanner implements AutoCloseable {
    private static final Duration ROUND = Duration.ofMillis(100);
    private static final Duration YOUNG = Duration.ofSeconds(60);
    private static final Duration OLD_INTERVAL = Duration.ofSeconds(2);

    /** A public instance: where its address leads and the sandbox whose listeners decide the ports. */
    public record Candidate(String publicIp, NetworkNamespace gateway, String privateIp, Sandbox sandbox, long bootedAtNanos) {
    }

    private record Seen(List<Integer> ports, long atNanos) {
    }

    private final PublicEndpoints endpoints;
    private volatile Map<String, Candidate> candidates = Map.of();
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private final Thread thread;

    public PublicPortScanner(PublicEndpoints endpoints) {
        this.endpoints = endpoints;
        this.thread = Thread.ofVirtual().name("public-port-scanner").start(this::loop);
    }

    /** The public instances now, by instance id; called by each reconcile pass. */
    public void candidates(Map<String, Candidate> now) {
        candidates = Map.copyOf(now);
        seen.keySet().retainAll(now.keySet());
    }

    private void loop() {
        while (running) {
            try {
                round();
                Thread.sleep(ROUND);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // an instance going away mid-read; the next round sees the new state
            }
        }
    }

    private void round() {
        long now = System.nanoTime();
        List<PublicEndpoints.Target> targets = new ArrayList<>();
        candidates.forEach((id, c) -> {
            Seen last = seen.get(id);
            boolean young = now - c.bootedAtNanos() < YOUNG.toNanos();
            if (last == null || young || now - last.atNanos() > OLD_INTERVAL.toNanos()) {
                last = new Seen(c.sandbox().listeningTcpPorts(), now);
                seen.put(id, last);
            }
            if (!last.ports().isEmpty()) {
                targets.add(new PublicEndpoints.Target(c.publicIp(), c.gateway(), c.privateIp(), last.ports()));
            }
        });
        endpoints.update(targets);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
