package io.kumo.ec2.compute.instance;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.ComputeErrors;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.compute.eni.NetworkInterfaceRecord;
import io.kumo.ec2.compute.eni.NetworkInterfaces;
import io.kumo.ec2.compute.volume.VolumeRecord;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.sg.SecurityGroups;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMappingSpecification;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceAttributeResponse;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * ModifyInstanceAttribute: one attribute per call, either in its own parameter or as
 * Attribute+Value. Instance type and user data change only while the instance is stopped.
 */
public final class ModifyInstanceAttribute implements Handler<ModifyInstanceAttributeRequest, ModifyInstanceAttributeResponse> {

    @Override
    public ModifyInstanceAttributeResponse handle(RequestContext ctx, ModifyInstanceAttributeRequest in) {
        List<String> given = given(in);
        if (given.isEmpty()) {
            throw Ec2Errors.missingParameter("Attribute");
        }
        if (given.size() > 1) {
            throw Ec2Errors.invalidParameterCombination("Fields for multiple attribute types specified: " + String.join(", ", given));
        }
        return ctx.write(tx -> {
            InstanceRecord r = Lookups.require(tx, ComputeKinds.INSTANCE, in.instanceId());
            if (r.state() == InstanceState.TERMINATED) {
                throw ComputeErrors.incorrectInstanceState("The instance '" + r.instanceId() + "' is not in a state from which it can be modified.");
            }
            InstanceRecord.Settings s = r.settings();
            String attribute = given.getFirst();
            String value = in.value();
            switch (attribute) {
                case "instanceType" -> {
                    String name = in.instanceType() != null ? in.instanceType().value() : value;
                    requireStopped(r);
                    InstanceTypes.Spec type = InstanceTypes.find(name)
                            .orElseThrow(() -> Ec2Errors.invalidParameterValue("Invalid value '" + name + "' for InstanceType."));
                    if (!type.architecture().equals(r.launch().architecture())) {
                        throw Ec2Errors.invalidParameterValue("The instance type '" + name + "' does not support the architecture '"
                                + r.launch().architecture() + "' of the instance's AMI.");
                    }
                    put(tx, r.withSettings(s.withInstanceType(name)));
                }
                case "userData" -> {
                    requireStopped(r);
                    String data = in.userData() != null && in.userData().value() != null
                            ? Base64.getEncoder().encodeToString(in.userData().value().asByteArray())
                            : value;
                    put(tx, r.withSettings(s.withUserData(RunInstances.checkUserData(data == null || data.isEmpty() ? null : data))));
                }
                case "disableApiTermination" -> put(tx, r.withSettings(s.withDisableApiTermination(
                        bool(in.disableApiTermination() != null ? in.disableApiTermination().value() : null, value, attribute))));
                case "disableApiStop" -> put(tx, r.withSettings(s.withDisableApiStop(
                        bool(in.disableApiStop() != null ? in.disableApiStop().value() : null, value, attribute))));
                case "ebsOptimized" -> put(tx, r.withSettings(s.withEbsOptimized(
                        bool(in.ebsOptimized() != null ? in.ebsOptimized().value() : null, value, attribute))));
                case "instanceInitiatedShutdownBehavior" -> {
                    String behavior = in.instanceInitiatedShutdownBehavior() != null ? in.instanceInitiatedShutdownBehavior().value() : value;
                    if (!"stop".equals(behavior) && !"terminate".equals(behavior)) {
                        throw Ec2Errors.invalidParameterValue("Value (" + behavior
                                + ") for parameter instanceInitiatedShutdownBehavior is invalid. Valid values are 'stop' and 'terminate'.");
                    }
                    put(tx, r.withSettings(s.withShutdownBehavior(behavior)));
                }
                case "sourceDestCheck" -> {
                    NetworkInterfaceRecord primary = singleInterface(tx, r);
                    boolean check = bool(in.sourceDestCheck() != null ? in.sourceDestCheck().value() : null, value, attribute);
                    tx.put(NetworkInterfaceRecord.TABLE, primary.networkInterfaceId(), primary.withSourceDestCheck(check));
                }
                case "groupSet" -> {
                    NetworkInterfaceRecord primary = singleInterface(tx, r);
                    List<String> groups = SecurityGroups.resolve(tx, primary.vpcId(), in.groups(), List.of());
                    tx.put(NetworkInterfaceRecord.TABLE, primary.networkInterfaceId(), primary.withGroupIds(groups));
                }
                case "blockDeviceMapping" -> {
                    for (InstanceBlockDeviceMappingSpecification m : in.blockDeviceMappings()) {
                        VolumeRecord volume = tx.list(VolumeRecord.TABLE).stream()
                                .filter(v -> v.attachedTo(r.instanceId()) && v.attachment().device().equals(m.deviceName()))
                                .findFirst()
                                .orElseThrow(() -> Ec2Errors.invalidParameterValue("The device '" + m.deviceName()
                                        + "' is not attached to instance '" + r.instanceId() + "'."));
                        if (m.ebs() != null && m.ebs().deleteOnTermination() != null) {
                            tx.put(VolumeRecord.TABLE, volume.volumeId(),
                                    volume.withAttachment(volume.attachment().withDeleteOnTermination(m.ebs().deleteOnTermination())));
                        }
                    }
                }
                case "kernel", "ramdisk", "sriovNetSupport", "enaSupport" -> {
                    // Accepted and ignored: Kumo's images are HVM with ENA and have no separate kernel.
                }
                default -> throw Ec2Errors.invalidParameterValue("Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
            }
            return ModifyInstanceAttributeResponse.builder().build();
        });
    }

    /** The attributes the request sets, by EC2's attribute names. */
    private static List<String> given(ModifyInstanceAttributeRequest in) {
        List<String> out = new ArrayList<>();
        if (in.attributeAsString() != null) {
            out.add(in.attributeAsString());
        }
        if (in.instanceType() != null) {
            out.add("instanceType");
        }
        if (in.userData() != null) {
            out.add("userData");
        }
        if (in.disableApiTermination() != null) {
            out.add("disableApiTermination");
        }
        if (in.disableApiStop() != null) {
            out.add("disableApiStop");
        }
        if (in.ebsOptimized() != null) {
            out.add("ebsOptimized");
        }
        if (in.instanceInitiatedShutdownBehavior() != null) {
            out.add("instanceInitiatedShutdownBehavior");
        }
        if (in.sourceDestCheck() != null) {
            out.add("sourceDestCheck");
        }
        if (!in.groups().isEmpty()) {
            out.add("groupSet");
        }
        if (!in.blockDeviceMappings().isEmpty()) {
            out.add("blockDeviceMapping");
        }
        if (in.kernel() != null) {
            out.add("kernel");
        }
        if (in.ramdisk() != null) {
            out.add("ramdisk");
        }
        if (in.enaSupport() != null) {
            out.add("enaSupport");
        }
        if (in.sriovNetSupport() != null) {
            out.add("sriovNetSupport");
        }
        return out.stream().distinct().toList();
    }

    private static boolean bool(Boolean typed, String value, String attribute) {
        if (typed != null) {
            return typed;
        }
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.parseBoolean(value);
        }
        throw Ec2Errors.invalidParameterValue("Value (" + value + ") for parameter " + attribute + " is invalid. Expected a boolean.");
    }

    private static void requireStopped(InstanceRecord r) {
        if (r.state() != InstanceState.STOPPED) {
            throw ComputeErrors.incorrectInstanceState("The instance '" + r.instanceId() + "' is not in the 'stopped' state.");
        }
    }

    /** Instance-level network attributes apply to its only interface; with several EC2 wants the interface named. */
    static NetworkInterfaceRecord singleInterface(Tx tx, InstanceRecord r) {
        List<NetworkInterfaceRecord> enis = NetworkInterfaces.ofInstance(tx, r.instanceId());
        if (enis.size() != 1) {
            throw AwsException.badRequest("InvalidInstanceID", "There are multiple interfaces attached to instance '" + r.instanceId()
                    + "'. Please specify an interface ID for the operation instead.");
        }
        return enis.getFirst();
    }

    private static void put(Tx tx, InstanceRecord r) {
        tx.put(InstanceRecord.TABLE, r.instanceId(), r);
    }
}
