package io.kumo.ec2.network.sg;

import io.kumo.core.AwsException;
import io.kumo.core.store.Tx;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.region.DefaultVpc;
import io.kumo.ec2.support.Ec2Errors;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Finding security groups for the areas that attach them (instances, network interfaces). */
public final class SecurityGroups {
    /** vpc-max-security-groups-per-interface of DescribeAccountAttributes. */
    public static final int MAX_PER_INTERFACE = 5;

    private SecurityGroups() {
    }

    /** The VPC's "default" group. */
    public static String defaultGroupId(Tx tx, String vpcId) {
        return findByName(tx, vpcId, SecurityGroupRecord.DEFAULT_NAME)
                .map(SecurityGroupRecord::groupId)
                .orElseThrow(() -> AwsException.badRequest("InvalidGroup.NotFound",
                        "The security group 'default' does not exist in VPC '" + vpcId + "'"));
    }

    public static Optional<SecurityGroupRecord> findByName(Tx tx, String vpcId, String name) {
        return tx.list(SecurityGroupRecord.TABLE).stream()
                .filter(g -> g.vpcId().equals(vpcId) && g.groupName().equals(name))
                .findFirst();
    }

    public static Optional<SecurityGroupRecord> find(Tx tx, String groupId) {
        return tx.get(SecurityGroupRecord.TABLE, groupId);
    }

    /**
     * Validates the groups a launch or a new network interface names, for an interface in
     * {@code vpcId}. With neither ids nor names the VPC's default group is used, as EC2 does.
     */
    public static List<String> resolve(Tx tx, String vpcId, List<String> groupIds, List<String> groupNames) {
        return resolve(tx, vpcId, null, groupIds, groupNames);
    }

    /**
     * Like {@link #resolve(Tx, String, List, List)}; {@code subnetIdOrNull} only words the error
     * for a group of another VPC as RunInstances does ("Security group sg-x and subnet subnet-y
     * belong to different networks.", InvalidParameter).
     *
     * <p>Names are looked up in {@code vpcId} only when it is the default VPC; in another VPC
     * naming groups fails with InvalidParameterCombination, as RunInstances with a subnet does.
     */
    public static List<String> resolve(Tx tx, String vpcId, String subnetIdOrNull, List<String> groupIds, List<String> groupNames) {
        List<String> ids = groupIds == null ? List.of() : groupIds;
        List<String> names = groupNames == null ? List.of() : groupNames;
        LinkedHashSet<String> resolved = new LinkedHashSet<>();
        for (String id : ids) {
            NetworkKinds.SECURITY_GROUP.check(id);
        }
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Optional<SecurityGroupRecord> group = find(tx, id);
            if (group.isEmpty()) {
                missing.add(id);
                continue;
            }
            if (!group.get().vpcId().equals(vpcId)) {
                String network = subnetIdOrNull != null ? "subnet " + subnetIdOrNull : "VPC " + vpcId;
                throw AwsException.badRequest("InvalidParameter",
                        "Security group " + id + " and " + network + " belong to different networks.");
            }
            resolved.add(id);
        }
        if (!missing.isEmpty()) {
            throw Ec2Errors.notFound(NetworkKinds.SECURITY_GROUP, missing);
        }
        if (!names.isEmpty()) {
            boolean defaultVpc = DefaultVpc.vpcId(tx).map(vpcId::equals).orElse(false);
            if (!defaultVpc) {
                throw Ec2Errors.invalidParameterCombination("The parameter groupName cannot be used with the parameter subnet");
            }
            for (String name : names) {
                SecurityGroupRecord group = findByName(tx, vpcId, name).orElseThrow(() -> AwsException.badRequest(
                        "InvalidGroup.NotFound", "The security group '" + name + "' does not exist in default VPC '" + vpcId + "'"));
                resolved.add(group.groupId());
            }
        }
        if (resolved.isEmpty()) {
            resolved.add(defaultGroupId(tx, vpcId));
        }
        if (resolved.size() > MAX_PER_INTERFACE) {
            throw AwsException.badRequest("SecurityGroupsPerInterfaceLimitExceeded",
                    "The maximum number of security groups per interface has been reached.");
        }
        return List.copyOf(resolved);
    }
}
