package io.kumo.core.network;

import io.kumo.core.store.Tx;

import java.util.List;
import java.util.Optional;

/**
 * What the VPC service tells other services about its resources (a contract provided by the EC2
 * module): load balancers, databases and the like check the subnets, security groups and
 * instances they are given. Every lookup reads inside the caller's transaction, in its scope.
 */
public interface VpcDirectory {

    record Subnet(String subnetId, String vpcId, String availabilityZone, String availabilityZoneId, String cidrBlock) {
    }

    record SecurityGroup(String groupId, String groupName, String vpcId) {
    }

    /** @param state EC2's name of the instance's state ("running", "stopped", ...) */
    record Instance(String instanceId, String vpcId, String subnetId, String availabilityZone, String privateIpAddress,
                    String state) {
    }

    Optional<Subnet> subnet(Tx tx, String subnetId);

    Optional<SecurityGroup> securityGroup(Tx tx, String groupId);

    /** The VPC's "default" security group. */
    Optional<String> defaultSecurityGroup(Tx tx, String vpcId);

    Optional<Instance> instance(Tx tx, String instanceId);

    /** The store tables whose changes can change what {@link #instance} answers, for services that follow instances closely. */
    java.util.Set<String> instanceTables();

    boolean vpcExists(Tx tx, String vpcId);

    /** Whether an internet gateway is attached to the VPC. */
    boolean hasInternetGateway(Tx tx, String vpcId);

    /**
     * Whether any of the security groups lets TCP to {@code port} in from {@code sourceIp}, an
     * address outside the VPC (such as {@link HostAddress#AS_SEEN_FROM_VPCS}), by CIDR or prefix list.
     */
    boolean admitsTcp(Tx tx, List<String> groupIds, int port, String sourceIp);

    /** The VPC's IPv4 blocks, in CIDR notation; empty when there is no such VPC. */
    List<String> vpcCidrs(Tx tx, String vpcId);
}
