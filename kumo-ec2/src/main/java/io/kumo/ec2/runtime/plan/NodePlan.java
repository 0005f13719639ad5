package io.kumo.ec2.runtime.plan;

/**
 * A managed network interface (a service's node in a subnet, such as a load balancer's) that
 * needs a namespace: its address on its subnet, behind its VPC's firewall, and nothing running.
 */
public record NodePlan(String interfaceId, String vpcId, SubnetPlan subnet, String macAddress, String privateIp) {
}
