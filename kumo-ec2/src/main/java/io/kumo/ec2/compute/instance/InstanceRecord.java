package io.kumo.ec2.compute.instance;

import io.kumo.core.store.Table;

import java.time.Instant;

/**
 * An instance as stored. What is fixed at launch is in {@link Launch}; the lifecycle in
 * {@link Lifecycle} (the state timer works from its timestamps alone, so it survives restarts);
 * what ModifyInstanceAttribute may change in {@link Settings}. Network interfaces and volumes are
 * records of their own that name the instance they are attached to.
 */
public record InstanceRecord(String instanceId, String reservationId, String ownerId, Launch launch, Lifecycle lifecycle,
                             Settings settings) {

    public static final Table<InstanceRecord> TABLE = Table.regional("ec2.instances", InstanceRecord.class);

    /**
     * @param subnetId  the primary interface's subnet (kept after termination for the record only)
     * @param userData  base64 as given, or null
     * @param iamInstanceProfileArn as given (or built from the name given), not checked against IAM
     */
    public record Launch(String imageId, String keyName, int amiLaunchIndex, String availabilityZone, String tenancy,
                         String subnetId, String vpcId, String privateIpAddress, String primaryNetworkInterfaceId,
                         String architecture, String rootDeviceName, String platformDetails, String bootMode,
                         String clientToken, String iamInstanceProfileArn, String iamInstanceProfileId,
                         int coreCount, int threadsPerCore, boolean hibernationConfigured, String placementGroupName,
                         Metadata metadata) {
    }

    /** The instance metadata service options; EC2's defaults allow IMDSv1 and v2. */
    public record Metadata(String httpTokens, int httpPutResponseHopLimit, String httpEndpoint, String httpProtocolIpv6,
                           String instanceMetadataTags) {
        public static final Metadata DEFAULTS = new Metadata("optional", 1, "enabled", "disabled", "disabled");
    }

    /**
     * @param stateChangedAt when {@code state} was entered: the timer's only clock
     * @param launchTime     the last start (RunInstances or StartInstances), as EC2 reports LaunchTime
     * @param reasonCode     StateReason code, or null when there is none
     */
    public record Lifecycle(String state, Instant stateChangedAt, Instant launchTime, String transitionReason,
                            String reasonCode, String reasonMessage, boolean everRunning) {

        public InstanceState current() {
            return InstanceState.fromApiName(state).orElseThrow();
        }

        public Lifecycle to(InstanceState next, Instant at, String newTransitionReason, String newReasonCode, String newReasonMessage) {
            return new Lifecycle(next.apiName(), at, launchTime, newTransitionReason, newReasonCode, newReasonMessage,
                    everRunning || next == InstanceState.RUNNING);
        }

        public Lifecycle relaunched(Instant at) {
            return new Lifecycle(InstanceState.PENDING.apiName(), at, at, "", null, null, everRunning);
        }
    }

    /** @param monitoring "disabled" or "enabled" */
    public record Settings(String instanceType, String userData, boolean disableApiTermination, boolean disableApiStop,
                           String shutdownBehavior, boolean ebsOptimized, String monitoring, String kernelId, String ramdiskId) {

        public Settings withInstanceType(String value) {
            return new Settings(value, userData, disableApiTermination, disableApiStop, shutdownBehavior, ebsOptimized, monitoring, kernelId, ramdiskId);
        }

        public Settings withUserData(String value) {
            return new Settings(instanceType, value, disableApiTermination, disableApiStop, shutdownBehavior, ebsOptimized, monitoring, kernelId, ramdiskId);
        }

        public Settings withDisableApiTermination(boolean value) {
            return new Settings(instanceType, userData, value, disableApiStop, shutdownBehavior, ebsOptimized, monitoring, kernelId, ramdiskId);
        }

        public Settings withDisableApiStop(boolean value) {
            return new Settings(instanceType, userData, disableApiTermination, value, shutdownBehavior, ebsOptimized, monitoring, kernelId, ramdiskId);
        }

        public Settings withShutdownBehavior(String value) {
            return new Settings(instanceType, userData, disableApiTermination, disableApiStop, value, ebsOptimized, monitoring, kernelId, ramdiskId);
        }

        public Settings withEbsOptimized(boolean value) {
            return new Settings(instanceType, userData, disableApiTermination, disableApiStop, shutdownBehavior, value, monitoring, kernelId, ramdiskId);
        }

        public Settings withMonitoring(String value) {
            return new Settings(instanceType, userData, disableApiTermination, disableApiStop, shutdownBehavior, ebsOptimized, value, kernelId, ramdiskId);
        }
    }

    public InstanceState state() {
        return lifecycle.current();
    }

    public InstanceRecord withLifecycle(Lifecycle value) {
        return new InstanceRecord(instanceId, reservationId, ownerId, launch, value, settings);
    }

    public InstanceRecord withSettings(Settings value) {
        return new InstanceRecord(instanceId, reservationId, ownerId, launch, lifecycle, value);
    }
}
