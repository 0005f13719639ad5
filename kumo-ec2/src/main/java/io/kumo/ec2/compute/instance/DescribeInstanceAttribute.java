package io.kumo.ec2.compute.instance;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.EbsInstanceBlockDevice;
import software.amazon.awssdk.services.ec2.model.EnclaveOptions;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMapping;

import java.util.List;

/** DescribeInstanceAttribute: one attribute of an instance, user data as the base64 it was given in. */
public final class DescribeInstanceAttribute implements Handler<DescribeInstanceAttributeRequest, DescribeInstanceAttributeResponse> {

    @Override
    public DescribeInstanceAttributeResponse handle(RequestContext ctx, DescribeInstanceAttributeRequest in) {
        String attribute = in.attributeAsString();
        return ctx.read(tx -> {
            InstanceRecord r = Lookups.require(tx, ComputeKinds.INSTANCE, in.instanceId());
            InstanceView v = InstanceView.load(tx, r);
            InstanceRecord.Settings s = r.settings();
            var out = DescribeInstanceAttributeResponse.builder().instanceId(r.instanceId());
            switch (attribute == null ? "" : attribute) {
                case "instanceType" -> out.instanceType(value(s.instanceType()));
                case "userData" -> out.userData(s.userData() == null ? AttributeValue.builder().build() : value(s.userData()));
                case "disableApiTermination" -> out.disableApiTermination(bool(s.disableApiTermination()));
                case "disableApiStop" -> out.disableApiStop(bool(s.disableApiStop()));
                case "instanceInitiatedShutdownBehavior" -> out.instanceInitiatedShutdownBehavior(value(s.shutdownBehavior()));
                case "rootDeviceName" -> out.rootDeviceName(value(r.launch().rootDeviceName()));
                case "ebsOptimized" -> out.ebsOptimized(bool(s.ebsOptimized()));
                case "enaSupport" -> out.enaSupport(bool(true));
                case "sriovNetSupport" -> out.sriovNetSupport(value("simple"));
                case "kernel" -> out.kernelId(value(s.kernelId()));
                case "ramdisk" -> out.ramdiskId(value(s.ramdiskId()));
                case "productCodes" -> out.productCodes(List.of());
                case "enclaveOptions" -> out.enclaveOptions(EnclaveOptions.builder().enabled(false).build());
                case "sourceDestCheck" -> out.sourceDestCheck(bool(v.primary() == null || v.primary().sourceDestCheck()));
                case "groupSet" -> out.groups(Instances.groups(v.groupIds(), v.groupNames()));
                case "blockDeviceMapping" -> out.blockDeviceMappings(v.volumes().stream().map(vol -> InstanceBlockDeviceMapping.builder()
                        .deviceName(vol.attachment().device())
                        .ebs(EbsInstanceBlockDevice.builder().attachTime(vol.attachment().attachTime())
                                .deleteOnTermination(vol.attachment().deleteOnTermination()).status(vol.attachment().state())
                                .volumeId(vol.volumeId()).build())
                        .build()).toList());
                default -> throw Ec2Errors.invalidParameterValue("Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
            }
            return out.build();
        });
    }

    private static AttributeValue value(String value) {
        return AttributeValue.builder().value(value).build();
    }

    private static AttributeBooleanValue bool(boolean value) {
        return AttributeBooleanValue.builder().value(value).build();
    }
}
