package io.kumo.ec2.compute.instance;

import io.kumo.core.AwsException;
import io.kumo.core.Ids;
import io.kumo.core.RequestContext;
import io.kumo.core.regions.Regions;
import io.kumo.core.service.Handler;
import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.eni.NetworkInterfaceRecord;
import io.kumo.ec2.compute.eni.NetworkInterfaces;
import io.kumo.ec2.compute.image.ImageRecord;
import io.kumo.ec2.compute.image.Images;
import io.kumo.ec2.compute.keypair.KeyPairs;
import io.kumo.ec2.compute.volume.VolumeRecord;
import io.kumo.ec2.compute.volume.Volumes;
import io.kumo.ec2.network.subnet.SubnetRecord;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * RunInstances: validates the whole request, then in one transaction creates each instance with
 * its network interfaces (addresses from the subnet, a public IP from Kumo's pool when the subnet
 * or the request asks) and its EBS volumes, all pending. {@link InstanceLifecycle} moves them on.
 */
public final class RunInstances implements Handler<RunInstancesRequest, RunInstancesResponse> {
    public static final int MAX_USER_DATA_BYTES = 16 * 1024;
    private static final List<String> TAGGABLE = List.of("instance", "volume", "network-interface");

    @Override
    public RunInstancesResponse handle(RequestContext ctx, RunInstancesRequest in) {
        int min = in.minCount() == null ? 1 : in.minCount();
        int max = in.maxCount() == null ? 1 : in.maxCount();
        if (max < 1) {
            throw Ec2Errors.invalidParameterValue("Maximum instance count must be greater than zero");
        }
        if (min < 1) {
            throw Ec2Errors.invalidParameterValue("Minimum instance count must be greater than zero");
        }
        if (min > max) {
            throw Ec2Errors.invalidParameterValue("Minimum instance count (" + min + ") must not be greater than maximum instance count ("
                    + max + ")");
        }
        if (in.imageId() == null) {
            throw Ec2Errors.missingParameter("ImageId");
        }
        String typeName = in.instanceTypeAsString() == null ? InstanceTypes.DEFAULT : in.instanceTypeAsString();
        InstanceTypes.Spec type = InstanceTypes.find(typeName)
                .orElseThrow(() -> Ec2Errors.invalidParameterValue("Invalid value '" + typeName + "' for InstanceType."));
        String userData = checkUserData(in.userData());
        String shutdownBehavior = in.instanceInitiatedShutdownBehaviorAsString() == null ? "stop" : in.instanceInitiatedShutdownBehaviorAsString();
        if (!shutdownBehavior.equals("stop") && !shutdownBehavior.equals("terminate")) {
            throw Ec2Errors.invalidParameterValue("Value (" + shutdownBehavior + ") for parameter instanceInitiatedShutdownBehavior is invalid. "
                    + "Valid values are 'stop' and 'terminate'.");
        }
        InstanceRecord.Metadata metadata = metadata(in);
        String zoneRequested = in.placement() == null ? null : in.placement().availabilityZone();
        if (zoneRequested != null && Regions.find(ctx.region()).flatMap(r -> r.zone(zoneRequested)).isEmpty()) {
            throw Ec2Errors.invalidParameterValue("Invalid availability zone: [" + zoneRequested + "]");
        }
        if (!in.networkInterfaces().isEmpty()) {
            if (in.subnetId() != null) {
                throw Ec2Errors.invalidParameterCombination("Network interfaces and an instance-level subnet ID may not be specified on the same request");
            }
            if (!in.securityGroupIds().isEmpty() || !in.securityGroups().isEmpty()) {
                throw Ec2Errors.invalidParameterCombination("Network interfaces and an instance-level security groups may not be specified on the same request");
            }
            if (in.privateIpAddress() != null) {
                throw Ec2Errors.invalidParameterCombination("Network interfaces and an instance-level private IP address may not be specified on the same request");
            }
        }
        Instant now = ctx.receivedAt();
        return ctx.write(tx -> {
            if (in.clientToken() != null) {
                Optional<RunInstancesResponse> earlier = earlierLaunch(tx, in.clientToken());
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            ImageRecord image = Images.require(tx, in.imageId());
            if (!image.architecture().equals(type.architecture())) {
                throw Ec2Errors.invalidParameterValue("The architecture '" + type.architecture() + "' of the specified instance type does not "
                        + "match the architecture '" + image.architecture() + "' of the specified AMI. Specify an instance type and an AMI "
                        + "that have matching architectures, and try again. You can use 'describe-instance-types' or 'describe-images' "
                        + "to discover the architecture of the instance type or AMI.");
            }
            if (in.keyName() != null) {
                KeyPairs.require(tx, in.keyName());
            }
            List<LaunchPlan.InterfacePlan> interfaces = LaunchPlan.interfaces(tx, in, zoneRequested, max);
            SubnetRecord primarySubnet = interfaces.getFirst().subnet();
            List<LaunchPlan.VolumePlan> volumes = LaunchPlan.volumes(in.blockDeviceMappings(), image);
            int count = capacity(tx, type, min, max);
            checkTagTypes(in.tagSpecifications());

            String reservationId = Ids.ec2("r");
            String account = ctx.accountId();
            String[] profile = iamProfile(account, in);
            List<InstanceRecord> created = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                String instanceId = Ids.ec2("i");
                String primaryIp = null;
                String primaryEniId = null;
                for (LaunchPlan.InterfacePlan plan : interfaces) {
                    NetworkInterfaceRecord eni = plan.existingId() != null
                            ? tx.get(NetworkInterfaceRecord.TABLE, plan.existingId()).orElseThrow()
                            : NetworkInterfaces.create(tx, plan.subnet(), plan.groupIds(), plan.privateIp(), plan.description(),
                            plan.autoPublicIp(), "interface", now);
                    if (plan.existingId() != null && plan.autoPublicIp()) {
                        eni = eni.withAutoPublicIp(true);
                    }
                    eni = eni.withAttachment(new NetworkInterfaceRecord.Attachment(Ids.ec2("eni-attach"), instanceId, account,
                            plan.deviceIndex(), "attached", now, plan.deleteOnTermination()));
                    tx.put(NetworkInterfaceRecord.TABLE, eni.networkInterfaceId(), eni);
                    if (eni.autoPublicIp()) {
                        eni = NetworkInterfaces.assignAutoPublicIp(tx, eni);
                    }
                    if (plan.existingId() == null) {
                        applyTags(tx, eni.networkInterfaceId(), "network-interface", in.tagSpecifications());
                    }
                    if (plan.deviceIndex() == 0) {
                        primaryIp = eni.privateIpAddress();
                        primaryEniId = eni.networkInterfaceId();
                    }
                }
                for (LaunchPlan.VolumePlan v : volumes) {
                    VolumeRecord volume = Volumes.create(tx, v.size(), v.type(), v.iops(), v.throughput(), v.snapshotId(),
                            primarySubnet.availabilityZone(), v.encrypted(), now,
                            new VolumeRecord.Attachment(instanceId, v.device(), "attached", now, v.deleteOnTermination()));
                    applyTags(tx, volume.volumeId(), "volume", in.tagSpecifications());
                }
                InstanceRecord.Launch launch = new InstanceRecord.Launch(image.imageId(), in.keyName(), index,
                        primarySubnet.availabilityZone(), tenancy(in), primarySubnet.subnetId(), primarySubnet.vpcId(), primaryIp,
                        primaryEniId, image.architecture(), image.rootDeviceName(), image.platformDetails(), image.bootMode(),
                        in.clientToken(), profile[0], profile[1], coreCount(in, type), threadsPerCore(in, type),
                        in.hibernationOptions() != null && Boolean.TRUE.equals(in.hibernationOptions().configured()),
                        in.placement() == null ? null : in.placement().groupName(), metadata);
                InstanceRecord.Lifecycle lifecycle = new InstanceRecord.Lifecycle(InstanceState.PENDING.apiName(), now, now, "",
                        "pending", "pending", false);
                InstanceRecord.Settings settings = new InstanceRecord.Settings(type.name(), userData,
                        Boolean.TRUE.equals(in.disableApiTermination()), Boolean.TRUE.equals(in.disableApiStop()), shutdownBehavior,
                        Boolean.TRUE.equals(in.ebsOptimized()),
                        in.monitoring() != null && Boolean.TRUE.equals(in.monitoring().enabled()) ? "enabled" : "disabled",
                        in.kernelId(), in.ramdiskId());
                InstanceRecord instance = new InstanceRecord(instanceId, reservationId, account, launch, lifecycle, settings);
                tx.put(InstanceRecord.TABLE, instanceId, instance);
                applyTags(tx, instanceId, "instance", in.tagSpecifications());
                created.add(instance);
            }
            return response(tx, reservationId, account, created);
        });
    }

    private static RunInstancesResponse response(Tx tx, String reservationId, String account, List<InstanceRecord> instances) {
        return RunInstancesResponse.builder()
                .reservationId(reservationId)
                .ownerId(account)
                .groups(List.of())
                .instances(InstanceView.load(tx, instances).stream().map(Instances::toSdk).toList())
                .build();
    }

    /** A retried launch with the same ClientToken answers with the instances of the first one. */
    private static Optional<RunInstancesResponse> earlierLaunch(Tx tx, String clientToken) {
        List<InstanceRecord> earlier = tx.list(InstanceRecord.TABLE).stream()
                .filter(i -> clientToken.equals(i.launch().clientToken()))
                .sorted(Comparator.comparingInt(i -> i.launch().amiLaunchIndex()))
                .toList();
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(response(tx, earlier.getFirst().reservationId(), earlier.getFirst().ownerId(), earlier));
    }

    static String checkUserData(String userData) {
        if (userData == null) {
            return null;
        }
        byte[] decoded;
        try {
            // Line breaks are forgiven (tools wrap base64 at 76 columns); anything else outside the alphabet is not.
            decoded = Base64.getDecoder().decode(userData.replaceAll("\\s+", "").getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw AwsException.badRequest("InvalidUserData.Malformed", "Invalid BASE64 encoding of user data.");
        }
        if (decoded.length > MAX_USER_DATA_BYTES) {
            throw Ec2Errors.invalidParameterValue("User data is limited to " + MAX_USER_DATA_BYTES + " bytes");
        }
        return userData;
    }

    private static InstanceRecord.Metadata metadata(RunInstancesRequest in) {
        InstanceRecord.Metadata d = InstanceRecord.Metadata.DEFAULTS;
        var m = in.metadataOptions();
        if (m == null) {
            return d;
        }
        String tokens = m.httpTokensAsString() == null ? d.httpTokens() : m.httpTokensAsString();
        if (!tokens.equals("optional") && !tokens.equals("required")) {
            throw Ec2Errors.invalidParameterValue("Value (" + tokens + ") for parameter HttpTokens is invalid. Valid values: optional, required");
        }
        int hops = m.httpPutResponseHopLimit() == null ? d.httpPutResponseHopLimit() : m.httpPutResponseHopLimit();
        if (hops < 1 || hops > 64) {
            throw Ec2Errors.invalidParameterValue("Value (" + hops + ") for parameter HttpPutResponseHopLimit is invalid. "
                    + "The value must be between 1 and 64.");
        }
        return new InstanceRecord.Metadata(tokens, hops,
                m.httpEndpointAsString() == null ? d.httpEndpoint() : m.httpEndpointAsString(),
                m.httpProtocolIpv6AsString() == null ? d.httpProtocolIpv6() : m.httpProtocolIpv6AsString(),
                m.instanceMetadataTagsAsString() == null ? d.instanceMetadataTags() : m.instanceMetadataTagsAsString());
    }

    private static String tenancy(RunInstancesRequest in) {
        return in.placement() == null || in.placement().tenancyAsString() == null ? "default" : in.placement().tenancyAsString();
    }

    private static int coreCount(RunInstancesRequest in, InstanceTypes.Spec type) {
        return in.cpuOptions() != null && in.cpuOptions().coreCount() != null ? in.cpuOptions().coreCount() : type.cores();
    }

    private static int threadsPerCore(RunInstancesRequest in, InstanceTypes.Spec type) {
        return in.cpuOptions() != null && in.cpuOptions().threadsPerCore() != null ? in.cpuOptions().threadsPerCore() : type.threadsPerCore();
    }

    /** {arn, id}: the profile is kept as given; Kumo's IAM does not check it yet. */
    private static String[] iamProfile(String account, RunInstancesRequest in) {
        if (in.iamInstanceProfile() == null || (in.iamInstanceProfile().arn() == null && in.iamInstanceProfile().name() == null)) {
            return new String[] {null, null};
        }
        String arn = in.iamInstanceProfile().arn() != null ? in.iamInstanceProfile().arn()
                : "arn:aws:iam::" + account + ":instance-profile/" + in.iamInstanceProfile().name();
        return new String[] {arn, "AIPA" + Ids.upperAlnum(17)};
    }

    /** The vCPU quota of running instances per region; configurable so the host is never overcommitted by accident. */
    static int vcpuLimit() {
        String value = System.getProperty("kumo.ec2.vcpu-limit", System.getenv("KUMO_EC2_VCPU_LIMIT"));
        try {
            return value == null ? 1024 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 1024;
        }
    }

    /** As many instances as fit under the vCPU quota, at least MinCount, at most MaxCount. */
    private static int capacity(Tx tx, InstanceTypes.Spec type, int min, int max) {
        int limit = vcpuLimit();
        int used = 0;
        for (InstanceRecord i : tx.list(InstanceRecord.TABLE)) {
            if (i.state() != InstanceState.TERMINATED && i.state() != InstanceState.STOPPED) {
                used += InstanceTypes.find(i.settings().instanceType()).map(InstanceTypes.Spec::vcpus).orElse(1);
            }
        }
        int fits = Math.max(0, (limit - used) / type.vcpus());
        if (fits < min) {
            throw AwsException.badRequest("VcpuLimitExceeded", "You have requested more vCPU capacity than your current vCPU limit of "
                    + limit + " allows for the instance bucket that the specified instance type belongs to. Please visit "
                    + "http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.");
        }
        return Math.min(max, fits);
    }

    private static void checkTagTypes(List<TagSpecification> specifications) {
        for (TagSpecification spec : specifications) {
            if (spec.resourceTypeAsString() == null || !TAGGABLE.contains(spec.resourceTypeAsString())) {
                throw Ec2Errors.invalidParameterValue("'" + spec.resourceTypeAsString() + "' is not a valid taggable resource type for this operation.");
            }
        }
    }

    private static void applyTags(Tx tx, String id, String type, List<TagSpecification> specifications) {
        Tags.applySpecifications(tx, id, type, specifications, TAGGABLE);
    }

}
