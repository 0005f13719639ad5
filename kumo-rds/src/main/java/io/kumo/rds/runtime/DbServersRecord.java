package io.kumo.rds.runtime;

import io.kumo.core.store.Table;

import java.util.List;
import java.util.Map;

/**
 * The runtime's own bookkeeping of one DB instance's servers, keyed like the instance (its
 * identifier, in its region): the network interface each server node has in its subnet, which
 * node is the primary, and what the primary was started with. Nodes keep their slot ("a" or
 * "b"), home directory and interface across failovers; only which one is primary changes.
 *
 * @param homeKey         the short name of the instance's directory under the runtime's homes
 * @param groups          the security groups the interfaces carry now
 * @param startedStatics  the user-set static parameters the servers were last started with
 * @param appliedDynamic  the names of user-set dynamic parameters applied at run time (to reset ones a group dropped)
 */
public record DbServersRecord(String instanceIdentifier, String homeKey, String vpcId, Node primary, Node standby,
                              List<String> groups, Map<String, String> startedStatics, List<String> appliedDynamic) {

    public static final Table<DbServersRecord> TABLE = Table.regional("rds.servers", DbServersRecord.class);

    public DbServersRecord {
        groups = List.copyOf(groups);
        startedStatics = Map.copyOf(startedStatics);
        appliedDynamic = List.copyOf(appliedDynamic);
    }

    /**
     * One server's place: its slot (its home is {@code <homeKey>/<slot>}), interface and address.
     *
     * @param serverId the replication server id, distinct per slot
     */
    public record Node(String slot, String networkInterfaceId, String privateIp, String zone, String subnetId, int serverId) {
    }

    public DbServersRecord withStandby(Node node) {
        return new DbServersRecord(instanceIdentifier, homeKey, vpcId, primary, node, groups, startedStatics, appliedDynamic);
    }

    public DbServersRecord swapped() {
        return new DbServersRecord(instanceIdentifier, homeKey, vpcId, standby, primary, groups, startedStatics, appliedDynamic);
    }

    public DbServersRecord withGroups(List<String> value) {
        return new DbServersRecord(instanceIdentifier, homeKey, vpcId, primary, standby, value, startedStatics, appliedDynamic);
    }

    public DbServersRecord withParameters(Map<String, String> statics, List<String> dynamicNames) {
        return new DbServersRecord(instanceIdentifier, homeKey, vpcId, primary, standby, groups, statics, dynamicNames);
    }

    public List<Node> nodes() {
        return standby == null ? List.of(primary) : List.of(primary, standby);
    }
}
