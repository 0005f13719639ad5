package io.kumo.ec2.network.vpc;

import io.kumo.core.Ids;
import io.kumo.core.store.Tx;
import io.kumo.ec2.network.nacl.NetworkAcls;
import io.kumo.ec2.network.region.RegionDefaults;
import io.kumo.ec2.network.routetable.RouteTables;
import io.kumo.ec2.network.sg.SecurityGroupSetup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A new VPC with what EC2 creates alongside: main route table, default security group, default network ACL. */
public final class VpcSetup {
    public static final String TENANCY_DEFAULT = "default";
    public static final String TENANCY_DEDICATED = "dedicated";

    private VpcSetup() {
    }

    /**
     * @param ipv6Block an Amazon-provided /56 for the VPC, or null
     */
    public static VpcRecord create(Tx tx, String region, String ownerId, String cidrBlock, String tenancy, boolean isDefault,
                                   String ipv6Block, Instant now) {
        List<VpcRecord.Ipv6BlockAssociation> v6 = new ArrayList<>();
        if (ipv6Block != null) {
            v6.add(new VpcRecord.Ipv6BlockAssociation(Ids.ec2("vpc-cidr-assoc"), ipv6Block, VpcRecord.ASSOCIATED,
                    Ipv6Pool.AMAZON_POOL, region));
        }
        String dhcpOptionsId = RegionDefaults.dhcpOptionsId(tx).orElse("default");
        VpcRecord vpc = new VpcRecord(Ids.ec2("vpc"), ownerId, cidrBlock,
                List.of(new VpcRecord.CidrBlockAssociation(Ids.ec2("vpc-cidr-assoc"), cidrBlock, VpcRecord.ASSOCIATED)),
                v6, isDefault, VpcRecord.AVAILABLE, tenancy, dhcpOptionsId, true, isDefault, false, now);
        tx.put(VpcRecord.TABLE, vpc.vpcId(), vpc);
        RouteTables.create(tx, vpc.vpcId(), ownerId, vpc.ipv4Blocks(), vpc.ipv6Blocks(), true, now);
        SecurityGroupSetup.createDefault(tx, vpc.vpcId(), ownerId, ipv6Block != null, now);
        NetworkAcls.createDefault(tx, vpc.vpcId(), ownerId, ipv6Block != null, now);
        return vpc;
    }
}
