package io.kumo.ec2.network;

import io.kumo.core.network.VpcDirectory;
import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.instance.InstanceRecord;
import io.kumo.ec2.network.igw.InternetGatewayRecord;
import io.kumo.core.net.Ipv4Address;
import io.kumo.ec2.network.sg.IngressRules;
import io.kumo.ec2.network.sg.RuleSources;
import io.kumo.ec2.network.sg.SecurityGroupRecord;
import io.kumo.ec2.network.sg.SecurityGroups;
import io.kumo.ec2.network.subnet.SubnetRecord;
import io.kumo.ec2.network.vpc.VpcRecord;

import java.util.List;
import java.util.Optional;

/** The EC2 module's answers to {@link VpcDirectory}, from its own tables. */
public final class Ec2VpcDirectory implements VpcDirectory {

    @Override
    public Optional<Subnet> subnet(Tx tx, String subnetId) {
        return subnetId == null ? Optional.empty() : tx.get(SubnetRecord.TABLE, subnetId)
                .map(s -> new Subnet(s.subnetId(), s.vpcId(), s.availabilityZone(), s.availabilityZoneId(), s.cidrBlock()));
    }

    @Override
    public Optional<SecurityGroup> securityGroup(Tx tx, String groupId) {
        return groupId == null ? Optional.empty() : tx.get(SecurityGroupRecord.TABLE, groupId)
                .map(g -> new SecurityGroup(g.groupId(), g.groupName(), g.vpcId()));
    }

    @Override
    public Optional<String> defaultSecurityGroup(Tx tx, String vpcId) {
        return SecurityGroups.findByName(tx, vpcId, SecurityGroupRecord.DEFAULT_NAME).map(SecurityGroupRecord::groupId);
    }

    @Override
    public Optional<Instance> instance(Tx tx, String instanceId) {
        return instanceId == null ? Optional.empty() : tx.get(InstanceRecord.TABLE, instanceId)
                .map(i -> new Instance(i.instanceId(), i.launch().vpcId(), i.launch().subnetId(), i.launch().availabilityZone(),
                        i.launch().privateIpAddress(), i.state().apiName()));
    }

    @Override
    public java.util.Set<String> instanceTables() {
        return java.util.Set.of(InstanceRecord.TABLE.name());
    }

    @Override
    public boolean vpcExists(Tx tx, String vpcId) {
        return vpcId != null && tx.get(VpcRecord.TABLE, vpcId).isPresent();
    }

    @Override
    public boolean hasInternetGateway(Tx tx, String vpcId) {
        return tx.list(InternetGatewayRecord.TABLE).stream().anyMatch(g -> vpcId.equals(g.vpcId()));
    }

    @Override
    public boolean admitsTcp(Tx tx, List<String> groupIds, int port, String sourceIp) {
        List<SecurityGroupRecord> groups = groupIds.stream().map(id -> tx.get(SecurityGroupRecord.TABLE, id))
                .flatMap(java.util.Optional::stream).toList();
        return IngressRules.admit(groups, RuleSources.read(tx), port, Ipv4Address.parse(sourceIp));
    }

    @Override
    public List<String> vpcCidrs(Tx tx, String vpcId) {
        return vpcId == null ? List.of() : tx.get(VpcRecord.TABLE, vpcId).map(v -> List.copyOf(v.ipv4Blocks())).orElse(List.of());
    }
}
