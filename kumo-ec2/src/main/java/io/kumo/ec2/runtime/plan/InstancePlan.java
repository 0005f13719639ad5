package io.kumo.ec2.runtime.plan;

import io.kumo.ec2.compute.instance.InstanceRecord;

/**
 * One instance and what its sandbox needs: its primary interface's addresses and the names it
 * answers to.
 *
 * @param publicIp        its public or Elastic IP (an address of 127.0.0.0/8), or null
 * @param sshPublicKey    the key pair's public key, or null
 */
public record InstancePlan(InstanceRecord instance, String region, String interfaceId, String macAddress,
                           String privateIp, SubnetPlan subnet, String publicIp, String hostname,
                           String keyName, String sshPublicKey, String defaultUser) {

    public String instanceId() {
        return instance.instanceId();
    }

    public String vpcId() {
        return instance.launch().vpcId();
    }
}
