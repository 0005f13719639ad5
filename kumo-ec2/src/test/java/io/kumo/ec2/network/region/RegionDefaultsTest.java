package io.kumo.ec2.network.region;

import io.kumo.core.regions.Regions;
import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Table;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.igw.InternetGatewayRecord;
import io.kumo.ec2.network.nacl.NetworkAclRecord;
import io.kumo.ec2.network.routetable.RouteTableRecord;
import io.kumo.ec2.network.sg.SecurityGroupRecord;
import io.kumo.ec2.network.sg.SecurityGroups;
import io.kumo.ec2.network.subnet.SubnetAddressUsage;
import io.kumo.ec2.network.subnet.SubnetRecord;
import io.kumo.ec2.network.vpc.VpcRecord;
import io.kumo.ec2.support.ResourceTags;
import io.kumo.store.EmbeddedStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegionDefaultsTest {

    @Test
    void theDefaultsOfTokyo() {
        EmbeddedStore store = EmbeddedStore.inMemory();
        NetworkKinds.ALL.forEach(kind -> store.register(kind.table()));
        List.<Table<?>>of(SubnetAddressUsage.TABLE, RegionDefaultsRecord.TABLE, ResourceTags.TABLE).forEach(store::register);
        store.write(new StoreScope("000000000000", "ap-northeast-1"), tx -> {
            RegionDefaults.create(tx, Regions.find("ap-northeast-1").orElseThrow(), "000000000000", Instant.EPOCH);
            VpcRecord vpc = tx.list(VpcRecord.TABLE).getFirst();
            assertThat(vpc.isDefault()).isTrue();
            assertThat(vpc.enableDnsHostnames()).isTrue();
            assertThat(DefaultVpc.vpcId(tx)).contains(vpc.vpcId());
            List<SubnetRecord> subnets = tx.list(SubnetRecord.TABLE);
            assertThat(subnets).extracting(SubnetRecord::cidrBlock)
                    .containsExactlyInAnyOrder("172.31.0.0/20", "172.31.16.0/20", "172.31.32.0/20");
            assertThat(DefaultVpc.defaultSubnet(tx, "ap-northeast-1c")).hasValueSatisfying(s -> assertThat(s.cidrBlock()).isEqualTo("172.31.16.0/20"));
            assertThat(DefaultVpc.defaultSubnet(tx, null)).hasValueSatisfying(s -> assertThat(s.availabilityZone()).isEqualTo("ap-northeast-1a"));
            assertThat(DefaultVpc.defaultSubnet(tx, "ap-northeast-1b")).isEmpty();
            assertThat(tx.list(InternetGatewayRecord.TABLE)).singleElement().satisfies(g -> assertThat(g.vpcId()).isEqualTo(vpc.vpcId()));
            assertThat(tx.list(RouteTableRecord.TABLE).getFirst().routes()).hasSize(2);
            assertThat(tx.list(NetworkAclRecord.TABLE).getFirst().associations()).hasSize(3);
            String sg = SecurityGroups.defaultGroupId(tx, vpc.vpcId());
            assertThat(tx.get(SecurityGroupRecord.TABLE, sg)).hasValueSatisfying(g -> assertThat(g.rules()).hasSize(2));
            assertThat(SecurityGroups.resolve(tx, vpc.vpcId(), List.of(), List.of())).containsExactly(sg);
            assertThat(SecurityGroups.resolve(tx, vpc.vpcId(), List.of(), List.of("default"))).containsExactly(sg);
            return null;
        });
    }
}
