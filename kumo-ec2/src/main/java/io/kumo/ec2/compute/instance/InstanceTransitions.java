package io.kumo.ec2.compute.instance;

import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.address.AddressRecord;
import io.kumo.ec2.compute.eni.NetworkInterfaceRecord;
import io.kumo.ec2.compute.eni.NetworkInterfaces;
import io.kumo.ec2.compute.volume.VolumeRecord;
import io.kumo.ec2.support.Tags;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * EC2's instance state machine: the changes the API asks for (start, stop, terminate) and the
 * ones that follow on a timer (pending to running, stopping to stopped, shutting-down to
 * terminated, and a terminated instance leaving). Each works inside the caller's transaction.
 */
public final class InstanceTransitions {
    public static final String USER_SHUTDOWN_CODE = "Client.UserInitiatedShutdown";
    public static final String USER_SHUTDOWN_MESSAGE = "Client.UserInitiatedShutdown: User initiated shutdown";
    private static final DateTimeFormatter REASON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private InstanceTransitions() {
    }

    /** "User initiated (2026-11-22 03:49:00 GMT)", EC2's StateTransitionReason for API calls. */
    public static String userInitiated(Instant at) {
        return "User initiated (" + REASON_TIME.format(at) + " GMT)";
    }

    /** When the instance's timed state ends, or empty when it is in a state that lasts. */
    public static Optional<Instant> dueAt(InstanceRecord r, InstanceTimings t) {
        Instant since = r.lifecycle().stateChangedAt();
        return switch (r.state()) {
            case PENDING -> Optional.of(since.plus(t.pending()));
            case STOPPING -> Optional.of(since.plus(t.stopping()));
            case SHUTTING_DOWN -> Optional.of(since.plus(t.shuttingDown()));
            case TERMINATED -> Optional.of(since.plus(t.terminatedRetention()));
            case RUNNING, STOPPED -> Optional.empty();
        };
    }

    /**
     * When the timed state ends on its own: never for pending, stopping and shutting-down when
     * sandboxes run the instances, since then the sandbox's boot or halt ends them.
     */
    public static Optional<Instant> dueAt(InstanceRecord r, InstanceTimings t, boolean sandboxesDrive) {
        if (sandboxesDrive && r.state() != InstanceState.TERMINATED) {
            return Optional.empty();
        }
        return dueAt(r, t);
    }

    /** Applies the timed change if it is due at {@code now}; returns whether something changed. */
    public static boolean advance(Tx tx, InstanceRecord r, Instant now, InstanceTimings t) {
        Optional<Instant> due = dueAt(r, t);
        if (due.isEmpty() || due.get().isAfter(now)) {
            return false;
        }
        return settle(tx, r, now);
    }

    /**
     * Ends a passing state now: pending becomes running, stopping stopped, shutting-down
     * terminated, and a terminated instance leaves. Returns whether something changed.
     */
    public static boolean settle(Tx tx, InstanceRecord r, Instant now) {
        InstanceRecord.Lifecycle life = r.lifecycle();
        switch (r.state()) {
            case PENDING -> put(tx, r.withLifecycle(life.to(InstanceState.RUNNING, now, "", null, null)));
            case STOPPING -> {
                NetworkInterfaces.ofInstance(tx, r.instanceId()).forEach(e -> NetworkInterfaces.releaseAutoPublicIp(tx, e));
                put(tx, r.withLifecycle(life.to(InstanceState.STOPPED, now, life.transitionReason(), life.reasonCode(), life.reasonMessage())));
            }
            case SHUTTING_DOWN -> {
                releaseResources(tx, r.instanceId());
                put(tx, r.withLifecycle(life.to(InstanceState.TERMINATED, now, life.transitionReason(), life.reasonCode(), life.reasonMessage())));
            }
            case TERMINATED -> {
                tx.delete(InstanceRecord.TABLE, r.instanceId());
                tx.delete(RebootRequest.TABLE, r.instanceId());
                Tags.deleteAll(tx, r.instanceId());
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    public static InstanceRecord start(Tx tx, InstanceRecord r, Instant now) {
        for (NetworkInterfaceRecord eni : NetworkInterfaces.ofInstance(tx, r.instanceId())) {
            if (eni.autoPublicIp()) {
                NetworkInterfaces.assignAutoPublicIp(tx, eni);
            }
        }
        return put(tx, r.withLifecycle(r.lifecycle().relaunched(now)));
    }

    public static InstanceRecord stop(Tx tx, InstanceRecord r, Instant now) {
        return put(tx, r.withLifecycle(r.lifecycle().to(InstanceState.STOPPING, now, userInitiated(now),
                USER_SHUTDOWN_CODE, USER_SHUTDOWN_MESSAGE)));
    }

    public static InstanceRecord terminate(Tx tx, InstanceRecord r, Instant now) {
        return put(tx, r.withLifecycle(r.lifecycle().to(InstanceState.SHUTTING_DOWN, now, userInitiated(now),
                USER_SHUTDOWN_CODE, USER_SHUTDOWN_MESSAGE)));
    }

    /**
     * What termination gives back: interfaces and volumes marked DeleteOnTermination are deleted
     * (addresses return to the subnet), the others are detached and become available.
     */
    static void releaseResources(Tx tx, String instanceId) {
        for (NetworkInterfaceRecord eni : NetworkInterfaces.ofInstance(tx, instanceId)) {
            if (eni.attachment().deleteOnTermination()) {
                NetworkInterfaces.delete(tx, eni);
            } else {
                NetworkInterfaceRecord detached = NetworkInterfaces.releaseAutoPublicIp(tx, eni).withAttachment(null);
                tx.put(NetworkInterfaceRecord.TABLE, eni.networkInterfaceId(), detached);
                if (detached.publicIp() != null && detached.publicIp().elastic()) {
                    tx.get(AddressRecord.TABLE, detached.publicIp().allocationId()).ifPresent(a -> tx.put(AddressRecord.TABLE,
                            a.allocationId(), a.associate(a.associationId(), null, a.networkInterfaceId(),
                                    a.networkInterfaceOwnerId(), a.privateIpAddress())));
                }
            }
        }
        for (VolumeRecord volume : tx.list(VolumeRecord.TABLE)) {
            if (volume.attachedTo(instanceId)) {
                if (volume.attachment().deleteOnTermination()) {
                    tx.delete(VolumeRecord.TABLE, volume.volumeId());
                    Tags.deleteAll(tx, volume.volumeId());
                } else {
                    tx.put(VolumeRecord.TABLE, volume.volumeId(), volume.withAttachment(null));
                }
            }
        }
    }

    private static InstanceRecord put(Tx tx, InstanceRecord r) {
        tx.put(InstanceRecord.TABLE, r.instanceId(), r);
        return r;
    }
}
