package io.kumo.ec2.runtime.plan;

import io.kumo.ec2.compute.instance.InstanceRecord;

import java.util.List;

/**
 * One instance and what its sandbox needs: its primary interface's addresses and the names it
 * answers to.
 *
 * @param publicIp        its public or Elastic IP (an address of 127.0.0.0/8), or null
 * @param sshPublicKey    the key pair's public key, or null
 */
public record InstancePlan(InstanceRecord instance, String region, String interfaceId, String macAddress,
                           String privateIp, SubnetPlan subnet, String publicIp, String hostname,
                           String keyName, String sshPublicKey, String defaultUser, String availabilityZoneId,
                           List<String> groupIds, List<String> groupNames) {
    public InstancePlan {
        groupIds = List.copyOf(groupIds);
        groupNames = List.copyOf(groupNames);
    }


    public String instanceId() {
        return instance.instanceId();
    }

    public String vpcId() {
        return instance.launch().vpcId();
    }
}
