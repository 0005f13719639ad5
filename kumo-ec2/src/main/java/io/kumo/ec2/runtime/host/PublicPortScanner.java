package io.kumo.ec2.runtime.host;

import io.kumo.fabric.netns.NetworkNamespace;
import io.kumo.fabric.sandbox.Sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the host's public endpoints in step with public instances, on a thread of its own. The
 * ports come from the instance's security groups where they name a few ports open to the host
 * (so a revoked rule closes the port at once); where a group opens a wide range, from the ports
 * the instance listens on. Reading an instance's socket table costs the kernel a walk of its
 * global hash tables, so those scans are rationed: a freshly booted instance (whose user data is
 * starting servers) is looked at often, an older one now and then, and never more than a few
 * instances per round.
 */
public final class PublicPortScanner implements AutoCloseable {
    private static final Duration ROUND = Duration.ofMillis(100);
    private static final Duration YOUNG = Duration.ofSeconds(60);
    private static final Duration OLD_INTERVAL = Duration.ofSeconds(2);
    private static final int SCANS_PER_ROUND = 2;

    /**
     * A public instance: where its address leads, the ports its groups open to the host, and
     * whether a wide range makes its listeners decide instead (then the sandbox is read).
     */
    public record Candidate(String publicIp, NetworkNamespace gateway, String privateIp, List<Integer> openPorts, boolean scan,
                            Sandbox sandbox, long bootedAtNanos) {
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
        List<Map.Entry<String, Candidate>> due = new ArrayList<>();
        candidates.forEach((id, c) -> {
            if (!c.scan()) {
                if (!c.openPorts().isEmpty()) {
                    targets.add(new PublicEndpoints.Target(c.publicIp(), c.gateway(), c.privateIp(), c.openPorts()));
                }
                return;
            }
            Seen last = seen.get(id);
            boolean young = now - c.bootedAtNanos() < YOUNG.toNanos();
            if (last == null || young || now - last.atNanos() > OLD_INTERVAL.toNanos()) {
                due.add(Map.entry(id, c));
            }
        });
        // the longest unseen first, so that every instance gets its turn
        due.sort(java.util.Comparator.comparingLong(e -> seen.containsKey(e.getKey()) ? seen.get(e.getKey()).atNanos() : Long.MIN_VALUE));
        for (Map.Entry<String, Candidate> e : due.subList(0, Math.min(SCANS_PER_ROUND, due.size()))) {
            seen.put(e.getKey(), new Seen(e.getValue().sandbox().listeningTcpPorts(), now));
        }
        candidates.forEach((id, c) -> {
            Seen last = seen.get(id);
            if (c.scan() && last != null && !last.ports().isEmpty()) {
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
