package io.kumo.rds.instance;

import io.kumo.core.network.VpcDirectory;
import io.kumo.core.store.Tx;
import io.kumo.rds.engine.Engine;
import io.kumo.rds.optiongroup.OptionGroupRecord;
import io.kumo.rds.optiongroup.OptionGroups;
import io.kumo.rds.parameter.DbParameterGroupRecord;
import io.kumo.rds.parameter.ParameterGroups;
import io.kumo.rds.subnetgroup.DbSubnetGroupRecord;
import io.kumo.rds.subnetgroup.SubnetGroups;
import io.kumo.rds.support.RdsErrors;

import java.util.LinkedHashSet;
import java.util.List;

/** The checks that tie an instance to its network and groups, shared by create, restore and modify. */
final class Placement {
    private static final int MOST_SECURITY_GROUPS = 5;

    private Placement() {
    }

    /**
     * The named subnet group. Without a name RDS uses the default VPC's subnets; Kumo's EC2
     * contract does not list them, so it asks for a group instead.
     */
    static DbSubnetGroupRecord subnetGroup(Tx tx, String name) {
        if (name == null || name.isEmpty()) {
            throw RdsErrors.invalidCombination("Kumo needs DBSubnetGroupName: a DB subnet group of subnets in at least two zones "
                    + "(it does not place instances in the default VPC by itself).");
        }
        return SubnetGroups.require(tx, name);
    }

    /** The groups, each existing in the VPC; none given means the VPC's default group. */
    static List<String> securityGroups(Tx tx, VpcDirectory vpcs, List<String> ids, String vpcId) {
        if (ids == null || ids.isEmpty()) {
            return vpcs.defaultSecurityGroup(tx, vpcId).map(List::of).orElse(List.of());
        }
        List<String> unique = List.copyOf(new LinkedHashSet<>(ids));
        if (unique.size() > MOST_SECURITY_GROUPS) {
            throw RdsErrors.invalidValue("At most " + MOST_SECURITY_GROUPS + " VPC security groups can be given.");
        }
        for (String id : unique) {
            VpcDirectory.SecurityGroup group = vpcs.securityGroup(tx, id)
                    .orElseThrow(() -> RdsErrors.invalidValue("Invalid security group, groupId= " + id + ", not found."));
            if (!group.vpcId().equals(vpcId)) {
                throw RdsErrors.invalidCombination("The DB instance and EC2 security group are in different VPCs. The DB instance is in "
                        + vpcId + " and the EC2 security group is in " + group.vpcId());
            }
        }
        return unique;
    }

    /** The parameter group's name, checked to be of the version's family; the family's default when none is given. */
    static String parameterGroup(Tx tx, String name, Engine.Version version) {
        if (name == null || name.isEmpty()) {
            return DbParameterGroupRecord.defaultName(version.family());
        }
        DbParameterGroupRecord group = ParameterGroups.require(tx, name);
        if (!group.family().equals(version.family())) {
            throw RdsErrors.invalidCombination("The parameter group " + group.name() + " with DBParameterGroupFamily " + group.family()
                    + " can't be used for this instance. Use a parameter group with DBParameterGroupFamily " + version.family() + ".");
        }
        return group.name();
    }

    /** The option group's name, checked to be of the engine and major version; the default one when none is given. */
    static String optionGroup(Tx tx, String name, Engine engine, Engine.Version version) {
        if (name == null || name.isEmpty()) {
            return OptionGroups.defaultFor(engine.name(), version.majorVersion());
        }
        OptionGroupRecord group = OptionGroups.require(tx, name);
        if (!group.engineName().equals(engine.name()) || !group.majorEngineVersion().equals(version.majorVersion())) {
            throw RdsErrors.invalidCombination("The option group " + group.name() + " is for " + group.engineName() + " "
                    + group.majorEngineVersion() + ", not " + engine.name() + " " + version.majorVersion() + ".");
        }
        return group.name();
    }

    static void zone(DbSubnetGroupRecord group, String zone, boolean multiAz) {
        if (zone == null) {
            return;
        }
        if (multiAz) {
            throw RdsErrors.invalidCombination("Requesting a specific availability zone is not valid for Multi-AZ instances.");
        }
        if (group.subnetsIn(zone).isEmpty()) {
            throw RdsErrors.invalidCombination("The DB subnet group " + group.name() + " has no subnet in availability zone " + zone + ".");
        }
    }

    static void publiclyAccessible(Tx tx, VpcDirectory vpcs, String vpcId, boolean publiclyAccessible) {
        if (publiclyAccessible && !vpcs.hasInternetGateway(tx, vpcId)) {
            throw RdsErrors.of("InvalidVPCNetworkStateFault",
                    "Cannot create a publicly accessible DBInstance. The specified VPC has no internet gateway attached.");
        }
    }
}
