package io.kumo.route53.runtime;

import io.kumo.core.service.Controller;
import io.kumo.core.store.Store;
import io.kumo.core.store.StoreScope;
import io.kumo.route53.health.CheckConfig;
import io.kumo.route53.health.HealthCheckRecord;
import io.kumo.route53.health.HealthCheckStatusRecord;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs Route 53's health checks from the host and writes their verdicts to {@code route53.healthCheckStatus}, which
 * the DNS server routes by. Endpoint checks are probed on their RequestInterval (the first probe right after creation
 * or an update), each in its own virtual thread; a verdict flips after FailureThreshold consecutive results the other
 * way, then Inverted applies. Disabled checks and targets outside 127.0.0.0/8 ({@link ProbeTarget}) are not probed and
 * have no status, which reads as healthy. CALCULATED checks count their children's verdicts against HealthThreshold.
 * Verdicts live in memory and start healthy, as after a restart every check is probed again at once.
 */
public final class HealthCheckRunner implements Controller {
    private static final System.Logger LOG = System.getLogger("kumo.route53.health");
    private static final Duration TICK = Duration.ofMillis(250);
    /** The checker Kumo reports in GetHealthCheckStatus: one, on the host. */
    static final String CHECKER_REGION = "us-east-1";
    static final String CHECKER_ADDRESS = "127.0.0.1";

    private final Store store;
    private final Clock clock;
    private final Map<String, CheckState> states = new ConcurrentHashMap<>();
    private final ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor();
    private final Object wake = new Object();
    private volatile boolean running;
    private Thread loop;

    /** What the runner knows of one check between probes. */
    private static final class CheckState {
        final long version;
        long nextDueNanos = System.nanoTime();
        int failures;
        int successes;
        volatile boolean healthy = true;
        volatile boolean inFlight;

        CheckState(long version) {
            this.version = version;
        }
    }

    public HealthCheckRunner(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        store.addCommitListener(event -> {
            if (event.tables().contains("route53.healthChecks")) {
                synchronized (wake) {
                    wake.notifyAll();
                }
            }
        });
    }

    @Override
    public String name() {
        return "route53-health-checks";
    }

    @Override
    public void start() {
        running = true;
        loop = Thread.ofPlatform().daemon().name("route53-health-checks").start(this::run);
    }

    private void run() {
        while (running) {
            try {
                pass();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "health check pass failed", e);
            }
            synchronized (wake) {
                try {
                    wake.wait(TICK.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    void pass() {
        Map<StoreScope, List<HealthCheckRecord>> checks = store.read(StoreScope.GLOBAL, tx -> tx.scanAll(HealthCheckRecord.TABLE));
        Set<String> present = new HashSet<>();
        Map<String, Boolean> verdicts = new HashMap<>();
        checks.forEach((scope, list) -> list.forEach(check -> {
            present.add(check.id());
            CheckState state = states.compute(check.id(), (id, s) -> s == null || s.version != check.version() ? new CheckState(check.version()) : s);
            verdicts.put(check.id(), verdict(check.config(), state));
        }));
        states.keySet().retainAll(present);
        long now = System.nanoTime();
        checks.forEach((scope, list) -> list.forEach(check -> {
            CheckConfig config = check.config();
            CheckState state = states.get(check.id());
            if (config.calculated()) {
                calculated(scope, check, state, verdicts);
                return;
            }
            Optional<InetAddress> target = ProbeTarget.of(config);
            if (config.disabled() || target.isEmpty() || state.inFlight || now < state.nextDueNanos) {
                return;
            }
            state.inFlight = true;
            state.nextDueNanos = now + Duration.ofSeconds(config.requestInterval()).toNanos();
            probes.submit(() -> probe(scope, check, state, target.get()));
        }));
    }

    private static boolean verdict(CheckConfig config, CheckState state) {
        return config.disabled() || (config.inverted() != state.healthy);
    }

    private void probe(StoreScope scope, HealthCheckRecord check, CheckState state, InetAddress target) {
        try {
            EndpointProbe.Result result = EndpointProbe.probe(check.config(), target);
            int threshold = check.config().failureThreshold();
            if (result.success()) {
                state.failures = 0;
                state.successes++;
                state.healthy |= state.successes >= threshold;
            } else {
                state.successes = 0;
                state.failures++;
                state.healthy &= state.failures < threshold;
            }
            var observation = new HealthCheckStatusRecord.Observation(CHECKER_REGION, CHECKER_ADDRESS, result.success(), result.status(),
                    clock.instant());
            write(scope, check, verdict(check.config(), state), List.of(observation), result.success() ? null : observation);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "health check " + check.id() + " failed to run", e);
        } finally {
            state.inFlight = false;
        }
    }

    private void calculated(StoreScope scope, HealthCheckRecord check, CheckState state, Map<String, Boolean> verdicts) {
        CheckConfig config = check.config();
        long healthyChildren = config.childHealthChecks().stream().filter(id -> verdicts.getOrDefault(id, true)).count();
        int needed = config.healthThreshold() != null ? config.healthThreshold() : config.childHealthChecks().size();
        boolean healthy = healthyChildren >= needed;
        if (state.healthy != healthy || state.successes == 0) {
            state.healthy = healthy;
            state.successes = 1;
            write(scope, check, verdict(config, state), List.of(), null);
        }
    }

    /** Written only while the check still has the probed version: an update or a delete wins over a late probe. */
    private void write(StoreScope scope, HealthCheckRecord check, boolean healthy, List<HealthCheckStatusRecord.Observation> observations,
                       HealthCheckStatusRecord.Observation failure) {
        store.write(scope, tx -> {
            Optional<HealthCheckRecord> current = tx.get(HealthCheckRecord.TABLE, check.id());
            if (current.isEmpty() || current.get().version() != check.version()) {
                return null;
            }
            Optional<HealthCheckStatusRecord> before = tx.get(HealthCheckStatusRecord.TABLE, check.id());
            var changedAt = before.filter(b -> b.healthy() == healthy).map(HealthCheckStatusRecord::changedAt).orElse(clock.instant());
            var lastFailure = failure != null ? failure : before.map(HealthCheckStatusRecord::lastFailure).orElse(null);
            tx.put(HealthCheckStatusRecord.TABLE, check.id(), new HealthCheckStatusRecord(check.id(), observations, healthy, changedAt, lastFailure));
            return null;
        });
    }

    @Override
    public void close() {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
        probes.shutdownNow();
    }
}
