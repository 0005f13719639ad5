package io.kumo.rds.subnetgroup;

import io.kumo.core.network.VpcDirectory;
import io.kumo.core.store.Tx;
import io.kumo.rds.support.RdsErrors;
import software.amazon.awssdk.services.rds.model.AvailabilityZone;
import software.amazon.awssdk.services.rds.model.DBSubnetGroup;
import software.amazon.awssdk.services.rds.model.Outpost;
import software.amazon.awssdk.services.rds.model.Subnet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** DB subnet groups as the API shows them, and the checks RDS makes on their subnets. */
public final class SubnetGroups {

    /** The checked subnets and the one VPC they are in. */
    record Placement(String vpcId, List<DbSubnetGroupRecord.Subnet> subnets) {
    }

    private SubnetGroups() {
    }

    public static DbSubnetGroupRecord require(Tx tx, String name) {
        String key = name.toLowerCase(java.util.Locale.ROOT);
        return tx.get(DbSubnetGroupRecord.TABLE, key).orElseThrow(() -> RdsErrors.subnetGroupNotFound(key));
    }

    /** Each subnet must exist, all in one VPC, covering at least two zones. */
    static Placement place(Tx tx, VpcDirectory vpcs, List<String> subnetIds) {
        if (subnetIds == null || subnetIds.isEmpty()) {
            throw RdsErrors.missing("SubnetIds");
        }
        List<String> unknown = new ArrayList<>();
        List<DbSubnetGroupRecord.Subnet> subnets = new ArrayList<>();
        Set<String> vpcIds = new LinkedHashSet<>();
        for (String id : new LinkedHashSet<>(subnetIds)) {
            vpcs.subnet(tx, id).ifPresentOrElse(s -> {
                vpcIds.add(s.vpcId());
                subnets.add(new DbSubnetGroupRecord.Subnet(s.subnetId(), s.availabilityZone()));
            }, () -> unknown.add(id));
        }
        if (!unknown.isEmpty()) {
            throw RdsErrors.of("InvalidSubnet", "Some input subnets in :" + unknown + " are invalid.");
        }
        if (vpcIds.size() > 1) {
            throw RdsErrors.invalidValue("The subnets of a DB subnet group must all be in one VPC; these are in " + vpcIds + ".");
        }
        Set<String> zones = new TreeSet<>();
        subnets.forEach(s -> zones.add(s.availabilityZone()));
        if (zones.size() < 2) {
            throw RdsErrors.of("DBSubnetGroupDoesNotCoverEnoughAZs", "The DB subnet group doesn't meet Availability Zone (AZ) coverage "
                    + "requirement. Current AZ coverage: " + String.join(", ", zones) + ". Add subnets to cover at least 2 AZs.");
        }
        return new Placement(vpcIds.iterator().next(), List.copyOf(subnets));
    }

    public static DBSubnetGroup toSdk(DbSubnetGroupRecord g) {
        return DBSubnetGroup.builder()
                .dbSubnetGroupName(g.name())
                .dbSubnetGroupDescription(g.description())
                .vpcId(g.vpcId())
                .subnetGroupStatus("Complete")
                .subnets(g.subnets().stream().map(s -> Subnet.builder().subnetIdentifier(s.subnetId())
                        .subnetAvailabilityZone(AvailabilityZone.builder().name(s.availabilityZone()).build())
                        .subnetOutpost(Outpost.builder().build()).subnetStatus("Active").build()).toList())
                .dbSubnetGroupArn(g.arn())
                .supportedNetworkTypes("IPV4")
                .build();
    }
}
