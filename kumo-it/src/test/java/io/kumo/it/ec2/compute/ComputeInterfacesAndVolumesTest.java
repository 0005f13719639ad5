package io.kumo.it.ec2.compute;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceAttribute;
import software.amazon.awssdk.services.ec2.model.Volume;

import static io.kumo.it.ec2.Ec2Asserts.fails;
import static io.kumo.it.ec2.Ec2Asserts.filter;
import static io.kumo.it.ec2.Ec2Asserts.message;
import static io.kumo.it.ec2.compute.ComputeFixture.EC2;
import static io.kumo.it.ec2.compute.ComputeFixture.KUMO;
import static io.kumo.it.ec2.compute.ComputeFixture.describe;
import static io.kumo.it.ec2.compute.ComputeFixture.runOne;
import static io.kumo.it.ec2.compute.ComputeFixture.waitRunning;
import static org.assertj.core.api.Assertions.assertThat;

/** Network interfaces and EBS volumes on their own and with instances. */
class ComputeInterfacesAndVolumesTest {
    private static ComputeFixture.PublicNetwork net;

    @BeforeAll
    static void network() {
        KUMO.reset();
        net = ComputeFixture.publicNetwork("10.50.0.0/16", "10.50.0.0/24");
    }

    @Test
    void createDescribeModifyAndDeleteAnInterface() {
        String sg = EC2.createSecurityGroup(r -> r.vpcId(net.vpcId()).groupName("eni-sg").description("x")).groupId();
        NetworkInterface eni = EC2.createNetworkInterface(r -> r.subnetId(net.subnetId()).description("spare").groups(sg)
                .privateIpAddress("10.50.0.99")).networkInterface();
        assertThat(eni.networkInterfaceId()).matches("eni-[0-9a-f]{17}");
        assertThat(eni.statusAsString()).isEqualTo("available");
        assertThat(eni.privateIpAddress()).isEqualTo("10.50.0.99");
        assertThat(eni.interfaceTypeAsString()).isEqualTo("interface");
        assertThat(eni.requesterManaged()).isFalse();
        assertThat(eni.groups()).singleElement().satisfies(g -> assertThat(g.groupName()).isEqualTo("eni-sg"));
        assertThat(eni.availabilityZone()).isEqualTo("ap-northeast-1a");
        for (var f : new software.amazon.awssdk.services.ec2.model.Filter[] {filter("subnet-id", net.subnetId()), filter("vpc-id", net.vpcId()),
                filter("group-id", sg), filter("status", "available"), filter("private-ip-address", "10.50.0.99"),
                filter("addresses.private-ip-address", "10.50.0.99"), filter("description", "spa*"), filter("interface-type", "interface"),
                filter("owner-id", "000000000000"), filter("availability-zone", "ap-northeast-1a")}) {
            assertThat(EC2.describeNetworkInterfaces(r -> r.filters(f, filter("network-interface-id", eni.networkInterfaceId())))
                    .networkInterfaces()).as(f.name()).hasSize(1);
        }
        EC2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni.networkInterfaceId()).sourceDestCheck(v -> v.value(false)));
        EC2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni.networkInterfaceId()).description(v -> v.value("renamed")));
        var described = EC2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni.networkInterfaceId())).networkInterfaces().getFirst();
        assertThat(described.sourceDestCheck()).isFalse();
        assertThat(described.description()).isEqualTo("renamed");
        assertThat(EC2.describeNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni.networkInterfaceId())
                .attribute(NetworkInterfaceAttribute.DESCRIPTION)).description().value()).isEqualTo("renamed");
        fails("DependencyViolation", () -> EC2.deleteSecurityGroup(r -> r.groupId(sg)));
        EC2.deleteNetworkInterface(r -> r.networkInterfaceId(eni.networkInterfaceId()));
        var e = fails("InvalidNetworkInterfaceID.NotFound", () -> EC2.deleteNetworkInterface(r -> r.networkInterfaceId(eni.networkInterfaceId())));
        assertThat(message(e)).isEqualTo("The networkInterface ID '" + eni.networkInterfaceId() + "' does not exist");
        fails("InvalidNetworkInterfaceId.Malformed", () -> EC2.describeNetworkInterfaces(r -> r.networkInterfaceIds("eni-zz")));
        EC2.deleteSecurityGroup(r -> r.groupId(sg));
    }

    @Test
    void attachAndDetachASecondaryInterface() {
        Instance i = runOne(r -> r.subnetId(net.subnetId()));
        waitRunning(i.instanceId());
        String eni = EC2.createNetworkInterface(r -> r.subnetId(net.subnetId())).networkInterface().networkInterfaceId();
        String attachment = EC2.attachNetworkInterface(r -> r.networkInterfaceId(eni).instanceId(i.instanceId()).deviceIndex(1)).attachmentId();
        assertThat(attachment).startsWith("eni-attach-");
        assertThat(describe(i.instanceId()).networkInterfaces()).hasSize(2);
        var e = fails("InvalidNetworkInterface.InUse", () -> EC2.deleteNetworkInterface(r -> r.networkInterfaceId(eni)));
        assertThat(message(e)).isEqualTo("Interface: [" + eni + "] in use.");
        fails("InvalidInstanceID", () -> EC2.modifyInstanceAttribute(r -> r.instanceId(i.instanceId()).sourceDestCheck(v -> v.value(false))));
        String primaryAttachment = i.networkInterfaces().getFirst().attachment().attachmentId();
        fails("OperationNotPermitted", () -> EC2.detachNetworkInterface(r -> r.attachmentId(primaryAttachment)));
        EC2.detachNetworkInterface(r -> r.attachmentId(attachment));
        assertThat(describe(i.instanceId()).networkInterfaces()).hasSize(1);
        EC2.deleteNetworkInterface(r -> r.networkInterfaceId(eni));
    }

    @Test
    void volumesCreateAttachDetachDelete() {
        Instance i = runOne(r -> r.subnetId(net.subnetId()));
        waitRunning(i.instanceId());
        var created = EC2.createVolume(r -> r.availabilityZone("ap-northeast-1a").size(10).volumeType("gp3"));
        assertThat(created.volumeId()).matches("vol-[0-9a-f]{17}");
        assertThat(created.stateAsString()).isEqualTo("available");
        assertThat(created.iops()).isEqualTo(3000);
        String id = created.volumeId();
        var attached = EC2.attachVolume(r -> r.volumeId(id).instanceId(i.instanceId()).device("/dev/sdf"));
        assertThat(attached.device()).isEqualTo("/dev/sdf");
        Volume v = EC2.describeVolumes(r -> r.volumeIds(id)).volumes().getFirst();
        assertThat(v.stateAsString()).isEqualTo("in-use");
        assertThat(v.attachments().getFirst().state()).isEqualTo(software.amazon.awssdk.services.ec2.model.VolumeAttachmentState.ATTACHED);
        assertThat(describe(i.instanceId()).blockDeviceMappings()).hasSize(2);
        var e = fails("VolumeInUse", () -> EC2.deleteVolume(r -> r.volumeId(id)));
        assertThat(message(e)).isEqualTo("Volume " + id + " is currently attached to " + i.instanceId());
        for (var f : new software.amazon.awssdk.services.ec2.model.Filter[] {filter("attachment.instance-id", i.instanceId()),
                filter("attachment.device", "/dev/sdf"), filter("attachment.status", "attached"), filter("size", "10"),
                filter("volume-type", "gp3"), filter("status", "in-use"), filter("availability-zone", "ap-northeast-1a"),
                filter("attachment.delete-on-termination", "false"), filter("encrypted", "false")}) {
            assertThat(EC2.describeVolumes(r -> r.filters(f, filter("volume-id", id))).volumes()).as(f.name()).hasSize(1);
        }
        fails("InvalidParameterValue", () -> EC2.attachVolume(r -> r.volumeId(
                EC2.createVolume(c -> c.availabilityZone("ap-northeast-1a").size(1)).volumeId()).instanceId(i.instanceId()).device("/dev/sdf")));
        String otherZone = EC2.createVolume(r -> r.availabilityZone("ap-northeast-1c").size(1)).volumeId();
        fails("InvalidVolume.ZoneMismatch", () -> EC2.attachVolume(r -> r.volumeId(otherZone).instanceId(i.instanceId()).device("/dev/sdg")));
        String root = i.blockDeviceMappings().getFirst().ebs().volumeId();
        fails("IncorrectState", () -> EC2.detachVolume(r -> r.volumeId(root)));
        assertThat(EC2.detachVolume(r -> r.volumeId(id)).state()).isEqualTo(software.amazon.awssdk.services.ec2.model.VolumeAttachmentState.DETACHING);
        EC2.waiter().waitUntilVolumeAvailable(r -> r.volumeIds(id), ComputeFixture.FAST);
        EC2.deleteVolume(r -> r.volumeId(id));
        e = fails("InvalidVolume.NotFound", () -> EC2.describeVolumes(r -> r.volumeIds(id)));
        assertThat(message(e)).isEqualTo("The volume '" + id + "' does not exist.");
        fails("InvalidVolumeID.Malformed", () -> EC2.deleteVolume(r -> r.volumeId("vol-nope")));
        fails("InvalidZone.NotFound", () -> EC2.createVolume(r -> r.availabilityZone("ap-northeast-1b").size(1)));
        var paged = EC2.describeVolumes(r -> r.maxResults(5));
        assertThat(paged.volumes()).hasSizeLessThanOrEqualTo(5);
    }
}
