package io.kumo.it.ec2.compute;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.AllocateAddressResponse;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.Instance;

import java.util.ArrayList;
import java.util.List;

import static io.kumo.it.ec2.Ec2Asserts.fails;
import static io.kumo.it.ec2.Ec2Asserts.filter;
import static io.kumo.it.ec2.Ec2Asserts.message;
import static io.kumo.it.ec2.compute.ComputeFixture.EC2;
import static io.kumo.it.ec2.compute.ComputeFixture.KUMO;
import static io.kumo.it.ec2.compute.ComputeFixture.describe;
import static io.kumo.it.ec2.compute.ComputeFixture.runOne;
import static io.kumo.it.ec2.compute.ComputeFixture.waitRunning;
import static io.kumo.it.ec2.compute.ComputeFixture.waitStopped;
import static org.assertj.core.api.Assertions.assertThat;

/** Elastic IPs: allocate, associate, disassociate, release, with the seeds' stop/start behaviour. */
class ComputeAddressesTest {
    private static ComputeFixture.PublicNetwork net;

    @BeforeAll
    static void network() {
        KUMO.reset();
        net = ComputeFixture.publicNetwork("10.60.0.0/16", "10.60.0.0/24");
    }

    @Test
    void anElasticIpSurvivesStopAndStartAndDisassociatingGivesANewPublicIp() {
        Instance i = runOne(r -> r.subnetId(net.subnetId()));
        waitRunning(i.instanceId());
        String autoIp = describe(i.instanceId()).publicIpAddress();
        AllocateAddressResponse eip = EC2.allocateAddress(r -> r.domain(DomainType.VPC));
        assertThat(eip.allocationId()).matches("eipalloc-[0-9a-f]{17}");
        assertThat(eip.publicIp()).startsWith("127.1");
        assertThat(eip.networkBorderGroup()).isEqualTo("ap-northeast-1");
        String association = EC2.associateAddress(r -> r.allocationId(eip.allocationId()).instanceId(i.instanceId())).associationId();
        assertThat(association).matches("eipassoc-[0-9a-f]{17}");
        Instance withEip = describe(i.instanceId());
        assertThat(withEip.publicIpAddress()).isEqualTo(eip.publicIp());
        assertThat(withEip.networkInterfaces().getFirst().association().ipOwnerId()).isEqualTo("000000000000");
        Address described = EC2.describeAddresses(r -> r.allocationIds(eip.allocationId())).addresses().getFirst();
        assertThat(described.instanceId()).isEqualTo(i.instanceId());
        assertThat(described.associationId()).isEqualTo(association);
        assertThat(described.privateIpAddress()).isEqualTo(i.privateIpAddress());
        assertThat(described.networkInterfaceId()).isEqualTo(i.networkInterfaces().getFirst().networkInterfaceId());

        EC2.stopInstances(r -> r.instanceIds(i.instanceId()));
        waitStopped(i.instanceId());
        assertThat(describe(i.instanceId()).publicIpAddress()).isEqualTo(eip.publicIp());
        EC2.startInstances(r -> r.instanceIds(i.instanceId()));
        waitRunning(i.instanceId());
        assertThat(describe(i.instanceId()).publicIpAddress()).isEqualTo(eip.publicIp());

        fails("InvalidIPAddress.InUse", () -> EC2.releaseAddress(r -> r.allocationId(eip.allocationId())));
        EC2.disassociateAddress(r -> r.associationId(association));
        String fresh = describe(i.instanceId()).publicIpAddress();
        assertThat(fresh).isNotNull().isNotEqualTo(eip.publicIp()).isNotEqualTo(autoIp);
        assertThat(EC2.describeAddresses(r -> r.allocationIds(eip.allocationId())).addresses().getFirst().associationId()).isNull();
        fails("InvalidAssociationID.NotFound", () -> EC2.disassociateAddress(r -> r.associationId(association)));
        EC2.releaseAddress(r -> r.allocationId(eip.allocationId()));
        fails("InvalidAllocationID.NotFound", () -> EC2.releaseAddress(r -> r.allocationId(eip.allocationId())));
    }

    @Test
    void associationRulesAndFilters() {
        Instance i = runOne(r -> r.subnetId(net.subnetId()));
        Instance other = runOne(r -> r.subnetId(net.subnetId()));
        String eip = EC2.allocateAddress(r -> r.domain(DomainType.VPC)).allocationId();
        String eni = i.networkInterfaces().getFirst().networkInterfaceId();
        EC2.associateAddress(r -> r.allocationId(eip).networkInterfaceId(eni).privateIpAddress(i.privateIpAddress()));
        fails("Resource.AlreadyAssociated", () -> EC2.associateAddress(r -> r.allocationId(eip).instanceId(other.instanceId())));
        String moved = EC2.associateAddress(r -> r.allocationId(eip).instanceId(other.instanceId()).allowReassociation(true)).associationId();
        assertThat(describe(other.instanceId()).publicIpAddress()).isEqualTo(
                EC2.describeAddresses(r -> r.allocationIds(eip)).addresses().getFirst().publicIp());
        for (var f : List.of(filter("instance-id", other.instanceId()), filter("association-id", moved), filter("domain", "vpc"),
                filter("allocation-id", eip), filter("network-interface-id", other.networkInterfaces().getFirst().networkInterfaceId()),
                filter("private-ip-address", other.privateIpAddress()), filter("network-interface-owner-id", "000000000000"))) {
            assertThat(EC2.describeAddresses(r -> r.filters(f)).addresses()).as(f.name()).hasSize(1);
        }
        fails("InvalidAllocationID.NotFound", () -> EC2.associateAddress(r -> r.allocationId("eipalloc-0123456789abcdef0").instanceId(i.instanceId())));
        fails("InvalidInstanceID.NotFound", () -> EC2.associateAddress(r -> r.allocationId(eip).instanceId("i-0123456789abcdef0")));
        fails("InvalidAddress.NotFound", () -> EC2.describeAddresses(r -> r.publicIps("203.0.113.9")));

        String isolatedVpc = EC2.createVpc(r -> r.cidrBlock("10.61.0.0/16")).vpc().vpcId();
        String isolatedSubnet = EC2.createSubnet(r -> r.vpcId(isolatedVpc).cidrBlock("10.61.0.0/24").availabilityZone("ap-northeast-1a"))
                .subnet().subnetId();
        Instance lonely = runOne(r -> r.subnetId(isolatedSubnet));
        String spare = EC2.allocateAddress(r -> r.domain(DomainType.VPC)).allocationId();
        var e = fails("Gateway.NotAttached", () -> EC2.associateAddress(r -> r.allocationId(spare).instanceId(lonely.instanceId())));
        assertThat(message(e)).isEqualTo("Network " + isolatedVpc + " is not attached to any internet gateway");
        EC2.releaseAddress(r -> r.allocationId(spare));
    }

    @Test
    void fiveAddressesPerRegion() {
        List<String> mine = new ArrayList<>();
        int existing = EC2.describeAddresses(r -> { }).addresses().size();
        for (int n = existing; n < 5; n++) {
            mine.add(EC2.allocateAddress(r -> r.domain(DomainType.VPC)).allocationId());
        }
        var e = fails("AddressLimitExceeded", () -> EC2.allocateAddress(r -> r.domain(DomainType.VPC)));
        assertThat(message(e)).isEqualTo("The maximum number of addresses has been reached.");
        mine.forEach(id -> EC2.releaseAddress(r -> r.allocationId(id)));
    }
}
