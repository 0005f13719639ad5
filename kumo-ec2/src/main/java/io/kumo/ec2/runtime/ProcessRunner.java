package io.kumo.ec2.runtime;

import io.kumo.core.service.Controller;
import io.kumo.core.store.Store;
import io.kumo.ec2.compute.instance.InstanceState;
import io.kumo.ec2.compute.instance.RebootRequest;
import io.kumo.ec2.runtime.image.ImageLayers;
import io.kumo.ec2.runtime.plan.InstancePlan;
import io.kumo.ec2.runtime.plan.RuntimePlans;
import io.kumo.ec2.runtime.userdata.BootPlan;
import io.kumo.ec2.support.Tags;
import io.kumo.fabric.sandbox.PlainProcess;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs instances where sandboxes are impossible: each is a plain process of the host with no
 * isolation and no network of its own. User data still runs once at first boot (as {@code nobody}
 * when Kumo is root) and its output is the console; the instance says it is not isolated in its
 * console and in a {@code kumo:isolation} tag that DescribeInstances shows.
 */
public final class ProcessRunner implements Controller, InstanceConsoles {
    public static final String ISOLATION_TAG = "kumo:isolation";
    private static final Set<String> WATCHED = Set.of("ec2.instances", "ec2.reboots", "ec2.network-interfaces");
    private static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private final Store store;
    private final InstanceHosting hosting;
    private final InstanceStates states;
    private final InstanceBoots boots;
    private final ReconcileLoop loop = new ReconcileLoop("ec2-process-runner", Duration.ofMillis(500), this::reconcile);
    private final Map<String, Hosted> hosted = new ConcurrentHashMap<>();

    private static final class Hosted {
        final PlainProcess process;
        volatile boolean stopping;

        Hosted(PlainProcess process) {
            this.process = process;
        }
    }

    public ProcessRunner(Store store, java.time.Clock clock, InstanceHosting hosting) {
        this.store = store;
        this.hosting = hosting;
        this.states = new InstanceStates(store, clock);
        Path dir = InstanceRunner.instancesDir(hosting);
        this.boots = new InstanceBoots(dir, hosting.dataDir(), new ImageLayers(dir.resolveSibling(dir.getFileName() + "-images")));
    }

    @Override
    public String name() {
        return "ec2-process-runner";
    }

    @Override
    public void start() {
        loop.start(store, WATCHED, () -> { });
    }

    @Override
    public void close() {
        loop.stop();
        hosted.values().parallelStream().forEach(h -> h.process.stop(Duration.ZERO));
        hosted.clear();
        if (hosting.ephemeral() || hosting.dataDir() == null) {
            boots.deleteAll();
        }
    }

    void reconcile() {
        RuntimePlans plans = store.read(io.kumo.core.store.StoreScope.GLOBAL, RuntimePlans::read);
        Set<String> seen = new HashSet<>();
        List<InstancePlan> booted = new ArrayList<>();
        List<InstancePlan> halted = new ArrayList<>();
        for (InstancePlan p : plans.instances()) {
            seen.add(p.instanceId());
            InstanceState state = p.instance().state();
            Hosted h = hosted.get(p.instanceId());
            if (state == InstanceState.PENDING || state == InstanceState.RUNNING) {
                if (h == null) {
                    boot(p, plans);
                } else if (!h.process.alive() && !h.stopping) {
                    hosted.remove(p.instanceId());
                    states.failed(p, "the instance's process exited");
                } else if (state == InstanceState.PENDING) {
                    booted.add(p);
                } else if (plans.reboots().containsKey(p.instanceId()) && !h.stopping) {
                    store.write(InstanceStates.scope(p), tx -> {
                        tx.delete(RebootRequest.TABLE, p.instanceId());
                        return null;
                    });
                    stopInBackground(p.instanceId(), h);
                }
            } else if (h != null) {
                stopInBackground(p.instanceId(), h);
            } else if (state == InstanceState.STOPPING || state == InstanceState.SHUTTING_DOWN) {
                halted.add(p);
            }
        }
        hosted.forEach((id, h) -> {
            if (!seen.contains(id)) {
                stopInBackground(id, h);
            }
        });
        states.settle(booted, InstanceState.PENDING, id -> false, (tx, r) -> { });
        states.settle(halted, null, id -> false, (tx, r) -> boots.delete(r.instanceId()));
    }

    private void boot(InstancePlan p, RuntimePlans plans) {
        try {
            BootPlan plan = InstanceBoots.bootPlan(p);
            Map<String, String> env = new java.util.HashMap<>(InstanceBoots.environment(p, plans.vpcs().get(p.vpcId())));
            env.put("KUMO_ISOLATION", hosting.reason());
            hosted.put(p.instanceId(), new Hosted(PlainProcess.boot(boots.dir(p.instanceId()), env, plan.script(), plan.consoleNotes(),
                    isRoot() ? new String[]{"nobody", "nogroup"} : null)));
            store.write(InstanceStates.scope(p), tx -> {
                Tags.put(tx, p.instanceId(), "instance", List.of(Tag.builder().key(ISOLATION_TAG)
                        .value("none: a plain process of the host").build()));
                return null;
            });
        } catch (RuntimeException e) {
            boots.appendConsole(p.instanceId(), "[kumo] the instance's process could not be started: " + e.getMessage());
            states.failed(p, String.valueOf(e.getMessage()));
        }
    }

    private void stopInBackground(String instanceId, Hosted h) {
        if (h.stopping) {
            return;
        }
        h.stopping = true;
        Thread.ofVirtual().name("stop-" + instanceId).start(() -> {
            try {
                h.process.stop(STOP_GRACE);
            } finally {
                hosted.remove(instanceId);
                loop.wake();
            }
        });
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Override
    public Optional<String> tail(String instanceId, int maxBytes) {
        return boots.consoleTail(instanceId, maxBytes);
    }
}
