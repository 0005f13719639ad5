package io.kumo.rds.runtime;

import io.kumo.core.network.ManagedInterfaces;
import io.kumo.core.store.Tx;
import io.kumo.rds.instance.DbInstanceRecord;
import io.kumo.rds.subnetgroup.DbSubnetGroupRecord;
import io.kumo.rds.subnetgroup.SubnetGroups;

import java.util.List;
import java.util.Map;

/**
 * Where an instance's servers go: a subnet of the requested zone (or of a zone of the subnet
 * group, chosen by the identifier so instances spread) for the primary, a subnet of another zone
 * for a standby; each gets a managed network interface there, with the DB's security groups, as
 * EC2 shows RDS's ("RDSNetworkInterface", requester amazon-rds). Runs in the caller's
 * transaction, so an interface exists only together with the record that will delete it.
 */
final class NodePlacement {
    static final String SLOT_A = "a";
    static final String SLOT_B = "b";
    static final String DESCRIPTION = "RDSNetworkInterface";
    static final String REQUESTER = "amazon-rds";

    private final ManagedInterfaces interfaces;

    NodePlacement(ManagedInterfaces interfaces) {
        this.interfaces = interfaces;
    }

    /** The primary's (and with Multi-AZ the standby's) interface, for an instance still "creating"; null otherwise. */
    DbServersRecord place(Tx tx, String id) {
        DbInstanceRecord rec = tx.get(DbInstanceRecord.TABLE, id).orElse(null);
        if (rec == null || tx.get(DbServersRecord.TABLE, id).isPresent()) {
            return tx.get(DbServersRecord.TABLE, id).orElse(null);
        }
        DbSubnetGroupRecord group = SubnetGroups.require(tx, rec.settings().subnetGroupName());
        List<String> zones = group.zones().stream().sorted().toList();
        String zone = rec.settings().requestedAvailabilityZone() != null ? rec.settings().requestedAvailabilityZone()
                : zones.get(Math.floorMod(id.hashCode(), zones.size()));
        List<String> groups = rec.settings().vpcSecurityGroupIds();
        DbServersRecord.Node primary = node(tx, group, zone, SLOT_A, groups);
        DbServersRecord.Node standby = rec.settings().multiAz() ? node(tx, group, otherZone(zones, zone), SLOT_B, groups) : null;
        String homeKey = RuntimeDirs.shortHash(tx.scope() + "/" + id + "/" + rec.resourceId());
        DbServersRecord srv = new DbServersRecord(id, homeKey, group.vpcId(), primary, standby, groups, Map.of(), List.of());
        tx.put(DbServersRecord.TABLE, id, srv);
        return srv;
    }

    /** A standby's interface (Multi-AZ turned on), in a zone other than the primary's. */
    DbServersRecord addStandby(Tx tx, String id) {
        DbInstanceRecord rec = tx.get(DbInstanceRecord.TABLE, id).orElseThrow();
        DbServersRecord srv = tx.get(DbServersRecord.TABLE, id).orElseThrow();
        if (srv.standby() != null) {
            return srv;
        }
        DbSubnetGroupRecord group = SubnetGroups.require(tx, rec.settings().subnetGroupName());
        List<String> zones = group.zones().stream().sorted().toList();
        String slot = srv.primary().slot().equals(SLOT_A) ? SLOT_B : SLOT_A;
        DbServersRecord next = srv.withStandby(node(tx, group, otherZone(zones, srv.primary().zone()), slot, srv.groups()));
        tx.put(DbServersRecord.TABLE, id, next);
        return next;
    }

    private DbServersRecord.Node node(Tx tx, DbSubnetGroupRecord group, String zone, String slot, List<String> groups) {
        String subnet = group.subnetsIn(zone).getFirst().subnetId();
        ManagedInterfaces.Created eni = interfaces.create(tx, subnet, groups, DESCRIPTION, REQUESTER);
        return new DbServersRecord.Node(slot, eni.networkInterfaceId(), eni.privateIpAddress(), zone, subnet, slot.equals(SLOT_A) ? 1 : 2);
    }

    private static String otherZone(List<String> zones, String zone) {
        return zones.stream().filter(z -> !z.equals(zone)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the subnet group has no zone other than " + zone));
    }
}
