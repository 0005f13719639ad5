package io.kumo.rds.subnetgroup;

import io.kumo.core.store.Table;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A DB subnet group, keyed by its name in lower case. Its subnets are all in one VPC and cover at least two zones. */
public record DbSubnetGroupRecord(String name, String arn, String description, String vpcId, List<Subnet> subnets) {

    public static final Table<DbSubnetGroupRecord> TABLE = Table.regional("rds.subnet-groups", DbSubnetGroupRecord.class);

    public DbSubnetGroupRecord {
        subnets = List.copyOf(subnets);
    }

    public record Subnet(String subnetId, String availabilityZone) {
    }

    public Set<String> zones() {
        Set<String> out = new TreeSet<>();
        subnets.forEach(s -> out.add(s.availabilityZone()));
        return out;
    }

    /** The group's subnets in the zone, in the order given. */
    public List<Subnet> subnetsIn(String zone) {
        return subnets.stream().filter(s -> s.availabilityZone().equals(zone)).toList();
    }

    public DbSubnetGroupRecord with(String newDescription, String newVpcId, List<Subnet> newSubnets) {
        return new DbSubnetGroupRecord(name, arn, newDescription, newVpcId, newSubnets);
    }
}
