package io.kumo.ec2.compute.instance;

import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Table;
import io.kumo.ec2.compute.eni.NetworkInterfaceRecord;
import io.kumo.ec2.compute.volume.VolumeRecord;
import io.kumo.ec2.support.ResourceTags;
import io.kumo.store.EmbeddedStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceTransitionsTest {
    private static final Instant T0 = Instant.parse("2026-11-22T03:49:00Z");
    private static final InstanceTimings TIMINGS = new InstanceTimings(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofHours(1));

    private static final StoreScope SCOPE = new StoreScope("000000000000", "ap-northeast-1");
    private final EmbeddedStore store = EmbeddedStore.inMemory();

    @BeforeEach
    void tables() {
        List.<Table<?>>of(InstanceRecord.TABLE, VolumeRecord.TABLE, NetworkInterfaceRecord.TABLE, ResourceTags.TABLE, RebootRequest.TABLE).forEach(store::register);
    }

    static InstanceRecord instance(InstanceState state, Instant since) {
        var launch = new InstanceRecord.Launch("ami-1", null, 0, "ap-northeast-1a", "default", "subnet-1", "vpc-1", "10.0.0.4",
                "eni-1", "x86_64", "/dev/xvda", "Linux/UNIX", null, null, null, null, 1, 1, false, null, InstanceRecord.Metadata.DEFAULTS);
        var life = new InstanceRecord.Lifecycle(state.apiName(), since, since, "", null, null, state != InstanceState.PENDING);
        var settings = new InstanceRecord.Settings("t2.micro", null, false, false, "stop", false, "disabled", null, null);
        return new InstanceRecord("i-1", "r-1", "000000000000", launch, life, settings);
    }

    @Test
    void timedStatesEndAfterTheirDurationsAndOthersLast() {
        assertThat(InstanceTransitions.dueAt(instance(InstanceState.PENDING, T0), TIMINGS)).contains(T0.plusSeconds(1));
        assertThat(InstanceTransitions.dueAt(instance(InstanceState.STOPPING, T0), TIMINGS)).contains(T0.plusSeconds(2));
        assertThat(InstanceTransitions.dueAt(instance(InstanceState.SHUTTING_DOWN, T0), TIMINGS)).contains(T0.plusSeconds(3));
        assertThat(InstanceTransitions.dueAt(instance(InstanceState.TERMINATED, T0), TIMINGS)).contains(T0.plusSeconds(3600));
        assertThat(InstanceTransitions.dueAt(instance(InstanceState.RUNNING, T0), TIMINGS)).isEmpty();
        assertThat(InstanceTransitions.dueAt(instance(InstanceState.STOPPED, T0), TIMINGS)).isEmpty();
    }

    @Test
    void pendingBecomesRunningOnlyWhenDue() {
        store.write(SCOPE, tx -> {
            InstanceRecord r = instance(InstanceState.PENDING, T0);
            tx.put(InstanceRecord.TABLE, r.instanceId(), r);
            assertThat(InstanceTransitions.advance(tx, r, T0.plusMillis(999), TIMINGS)).isFalse();
            assertThat(InstanceTransitions.advance(tx, r, T0.plusSeconds(1), TIMINGS)).isTrue();
            InstanceRecord running = tx.get(InstanceRecord.TABLE, "i-1").orElseThrow();
            assertThat(running.state()).isEqualTo(InstanceState.RUNNING);
            assertThat(running.lifecycle().everRunning()).isTrue();
            assertThat(running.lifecycle().reasonCode()).isNull();
            return null;
        });
    }

    @Test
    void terminationDeletesWhatIsMarkedAndDetachesTheRest() {
        store.write(SCOPE, tx -> {
            InstanceRecord r = instance(InstanceState.SHUTTING_DOWN, T0);
            tx.put(InstanceRecord.TABLE, r.instanceId(), r);
            tx.put(VolumeRecord.TABLE, "vol-root", volume("vol-root", true));
            tx.put(VolumeRecord.TABLE, "vol-data", volume("vol-data", false));
            tx.put(NetworkInterfaceRecord.TABLE, "eni-2", new NetworkInterfaceRecord("eni-2", "subnet-1", "vpc-1", "ap-northeast-1a",
                    "000000000000", "", "10.0.0.9", "", "06:00:00:00:00:01", List.of("sg-1"), true, "interface", false, false,
                    new NetworkInterfaceRecord.Attachment("eni-attach-2", "i-1", "000000000000", 1, "attached", T0, false), null, T0));
            assertThat(InstanceTransitions.advance(tx, r, T0.plusSeconds(3), TIMINGS)).isTrue();
            assertThat(tx.get(InstanceRecord.TABLE, "i-1").orElseThrow().state()).isEqualTo(InstanceState.TERMINATED);
            assertThat(tx.get(VolumeRecord.TABLE, "vol-root")).isEmpty();
            assertThat(tx.get(VolumeRecord.TABLE, "vol-data").orElseThrow().state()).isEqualTo("available");
            assertThat(tx.get(NetworkInterfaceRecord.TABLE, "eni-2").orElseThrow().status()).isEqualTo("available");

            InstanceRecord terminated = tx.get(InstanceRecord.TABLE, "i-1").orElseThrow();
            assertThat(InstanceTransitions.advance(tx, terminated, T0.plusSeconds(3).plus(Duration.ofMinutes(59)), TIMINGS)).isFalse();
            assertThat(InstanceTransitions.advance(tx, terminated, T0.plusSeconds(3).plus(Duration.ofHours(1)), TIMINGS)).isTrue();
            assertThat(tx.get(InstanceRecord.TABLE, "i-1")).isEmpty();
            return null;
        });
    }

    private static VolumeRecord volume(String id, boolean deleteOnTermination) {
        return new VolumeRecord(id, 8, "gp3", 3000, 125, "", "ap-northeast-1a", "in-use", false, null, false, T0,
                new VolumeRecord.Attachment("i-1", id.equals("vol-root") ? "/dev/xvda" : "/dev/sdf", "attached", T0, deleteOnTermination));
    }

    @Test
    void theReasonIsEc2sUserInitiatedForm() {
        assertThat(InstanceTransitions.userInitiated(T0)).isEqualTo("User initiated (2026-11-22 03:49:00 GMT)");
    }
}
