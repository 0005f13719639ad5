package io.kumo.it.ec2.network;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** Tests that each start from a fresh 10.0.0.0/16 VPC with one 10.0.0.0/24 subnet. */
abstract class InVpcWithSubnet {
    final Ec2Client ec2 = KumoHarness.shared().ec2();
    String vpc;
    String subnet;

    @BeforeEach
    void network() {
        vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24")).subnet().subnetId();
    }
}
