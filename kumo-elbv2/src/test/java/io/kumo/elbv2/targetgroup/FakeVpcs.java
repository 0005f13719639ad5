package io.kumo.elbv2.targetgroup;

import io.kumo.core.network.VpcDirectory;
import io.kumo.core.store.Tx;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The VPC contract as these unit tests need it: VPCs with their blocks, and instances. */
final class FakeVpcs implements VpcDirectory {
    final Map<String, List<String>> vpcs = new HashMap<>();
    final Map<String, Instance> instances = new HashMap<>();

    FakeVpcs vpc(String vpcId, String... cidrs) {
        vpcs.put(vpcId, List.of(cidrs));
        return this;
    }

    FakeVpcs instance(String instanceId, String vpcId, String zone, String state) {
        instances.put(instanceId, new Instance(instanceId, vpcId, "subnet-" + zone, zone, "10.0.0.10", state));
        return this;
    }

    @Override
    public Optional<Subnet> subnet(Tx tx, String subnetId) {
        return Optional.empty();
    }

    @Override
    public Optional<SecurityGroup> securityGroup(Tx tx, String groupId) {
        return Optional.empty();
    }

    @Override
    public Optional<String> defaultSecurityGroup(Tx tx, String vpcId) {
        return Optional.empty();
    }

    @Override
    public Optional<Instance> instance(Tx tx, String instanceId) {
        return Optional.ofNullable(instances.get(instanceId));
    }

    @Override
    public boolean vpcExists(Tx tx, String vpcId) {
        return vpcs.containsKey(vpcId);
    }

    @Override
    public boolean hasInternetGateway(Tx tx, String vpcId) {
        return false;
    }

    @Override
    public java.util.Set<String> instanceTables() {
        return java.util.Set.of();
    }

    @Override
    public boolean admitsTcp(Tx tx, List<String> groupIds, int port, String sourceIp) {
        return false;
    }

    @Override
    public List<String> vpcCidrs(Tx tx, String vpcId) {
        return vpcs.getOrDefault(vpcId, List.of());
    }
}
