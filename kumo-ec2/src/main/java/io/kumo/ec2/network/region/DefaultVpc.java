package io.kumo.ec2.network.region;

import io.kumo.core.store.Tx;
import io.kumo.ec2.network.subnet.SubnetRecord;
import io.kumo.ec2.network.vpc.VpcRecord;

import java.util.Comparator;
import java.util.Optional;

/** The default VPC of the transaction's account and region, and its default subnets. */
public final class DefaultVpc {
    private DefaultVpc() {
    }

    /** Empty once the user has deleted the default VPC. */
    public static Optional<String> vpcId(Tx tx) {
        return tx.list(VpcRecord.TABLE).stream().filter(VpcRecord::isDefault).map(VpcRecord::vpcId).findFirst();
    }

    /**
     * The default subnet of a zone; with no zone, the default subnet of the first zone (in zone
     * name order) that has one.
     */
    public static Optional<SubnetRecord> defaultSubnet(Tx tx, String availabilityZoneOrNull) {
        Optional<String> vpcId = vpcId(tx);
        if (vpcId.isEmpty()) {
            return Optional.empty();
        }
        return tx.list(SubnetRecord.TABLE).stream()
                .filter(s -> s.defaultForAz() && s.vpcId().equals(vpcId.get()))
                .filter(s -> availabilityZoneOrNull == null || s.availabilityZone().equals(availabilityZoneOrNull))
                .min(Comparator.comparing(SubnetRecord::availabilityZone));
    }
}
