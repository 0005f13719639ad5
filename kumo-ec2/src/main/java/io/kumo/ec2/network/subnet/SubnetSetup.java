package io.kumo.ec2.network.subnet;

import io.kumo.core.Ids;
import io.kumo.core.regions.Zone;
import io.kumo.core.store.Tx;
import io.kumo.ec2.network.nacl.NetworkAcls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Creating a subnet and binding it to its VPC's default network ACL. */
public final class SubnetSetup {
    public static final String AVAILABLE = "available";

    private SubnetSetup() {
    }

    public static SubnetRecord create(Tx tx, String vpcId, String ownerId, String cidrBlock, Zone zone, boolean defaultForAz,
                                      String ipv6BlockOrNull, Instant now) {
        List<SubnetRecord.Ipv6BlockAssociation> v6 = new ArrayList<>();
        if (ipv6BlockOrNull != null) {
            v6.add(new SubnetRecord.Ipv6BlockAssociation(Ids.ec2("subnet-cidr-assoc"), ipv6BlockOrNull, "associated"));
        }
        SubnetRecord subnet = new SubnetRecord(Ids.ec2("subnet"), vpcId, ownerId, cidrBlock, zone.name(), zone.zoneId(),
                defaultForAz, defaultForAz, AVAILABLE, v6, false, false, "ip-name", false, false, now);
        tx.put(SubnetRecord.TABLE, subnet.subnetId(), subnet);
        NetworkAcls.associateWithDefault(tx, vpcId, subnet.subnetId());
        return subnet;
    }
}
