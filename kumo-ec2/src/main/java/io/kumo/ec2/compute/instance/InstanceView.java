package io.kumo.ec2.compute.instance;

import io.kumo.core.store.SnapshotMemo;
import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.eni.NetworkInterfaceRecord;
import io.kumo.ec2.compute.volume.VolumeRecord;
import io.kumo.ec2.network.sg.SecurityGroupRecord;
import io.kumo.ec2.network.vpc.VpcRecord;
import io.kumo.ec2.support.Tags;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An instance with what Describe output and filters need from other records: its interfaces
 * (primary first), volumes, tags, the names of its groups and whether its VPC gives DNS hostnames.
 */
public record InstanceView(InstanceRecord instance, List<NetworkInterfaceRecord> interfaces, List<VolumeRecord> volumes,
                           Map<String, String> tags, Map<String, String> groupNames, boolean dnsHostnames, String region) {

    /** What views need from other tables, read once per state of the store. */
    private record Related(Map<String, List<NetworkInterfaceRecord>> interfaces, Map<String, List<VolumeRecord>> volumes,
                           Map<String, String> groupNames, Map<String, Boolean> dnsHostnames, Map<String, InstanceView> views) {

        static Related read(Tx tx) {
            Map<String, List<NetworkInterfaceRecord>> interfaces = new HashMap<>();
            for (NetworkInterfaceRecord eni : tx.list(NetworkInterfaceRecord.TABLE)) {
                if (eni.attachment() != null && eni.attachment().instanceId() != null) {
                    interfaces.computeIfAbsent(eni.attachment().instanceId(), k -> new ArrayList<>()).add(eni);
                }
            }
            Map<String, List<VolumeRecord>> volumes = new HashMap<>();
            for (VolumeRecord volume : tx.list(VolumeRecord.TABLE)) {
                if (volume.attachment() != null) {
                    volumes.computeIfAbsent(volume.attachment().instanceId(), k -> new ArrayList<>()).add(volume);
                }
            }
            Map<String, String> groupNames = new HashMap<>();
            for (SecurityGroupRecord group : tx.list(SecurityGroupRecord.TABLE)) {
                groupNames.put(group.groupId(), group.groupName());
            }
            Map<String, Boolean> dnsHostnames = new HashMap<>();
            for (VpcRecord vpc : tx.list(VpcRecord.TABLE)) {
                dnsHostnames.put(vpc.vpcId(), vpc.enableDnsHostnames());
            }
            return new Related(interfaces, volumes, groupNames, dnsHostnames, new ConcurrentHashMap<>());
        }

        InstanceView view(Tx tx, InstanceRecord instance) {
            InstanceView known = views.get(instance.instanceId());
            if (known != null && known.instance() == instance) {
                return known;
            }
            List<NetworkInterfaceRecord> enis = new ArrayList<>(interfaces.getOrDefault(instance.instanceId(), List.of()));
            enis.sort(Comparator.comparingInt(e -> e.attachment().deviceIndex()));
            List<VolumeRecord> vols = new ArrayList<>(volumes.getOrDefault(instance.instanceId(), List.of()));
            vols.sort(Comparator.comparing(v -> v.attachment().device()));
            InstanceView view = new InstanceView(instance, List.copyOf(enis), List.copyOf(vols), Tags.of(tx, instance.instanceId()),
                    namesOf(enis, groupNames), dnsHostnames.getOrDefault(instance.launch().vpcId(), false), tx.scope().region());
            if (tx.snapshot() >= 0) {
                views.put(instance.instanceId(), view);
            }
            return view;
        }
    }

    private static final SnapshotMemo<Related> RELATED = new SnapshotMemo<>();

    /** Builds views for many instances with one pass over interfaces, volumes, groups and VPCs. */
    public static List<InstanceView> load(Tx tx, List<InstanceRecord> instances) {
        Related related = RELATED.get(tx, Related::read);
        List<InstanceView> out = new ArrayList<>(instances.size());
        for (InstanceRecord instance : instances) {
            out.add(related.view(tx, instance));
        }
        return out;
    }

    /** Only the instance's own groups, so that a view (a memo key) changes only with what it shows. */
    private static Map<String, String> namesOf(List<NetworkInterfaceRecord> enis, Map<String, String> allNames) {
        Map<String, String> names = new HashMap<>();
        for (NetworkInterfaceRecord eni : enis) {
            for (String id : eni.groupIds()) {
                String name = allNames.get(id);
                if (name != null) {
                    names.put(id, name);
                }
            }
        }
        return names;
    }

    public static InstanceView load(Tx tx, InstanceRecord instance) {
        return load(tx, List.of(instance)).getFirst();
    }

    public boolean terminated() {
        return instance.state() == InstanceState.TERMINATED;
    }

    public NetworkInterfaceRecord primary() {
        return interfaces.isEmpty() ? null : interfaces.getFirst();
    }

    public String publicIp() {
        NetworkInterfaceRecord primary = primary();
        return primary == null || primary.publicIp() == null ? null : primary.publicIp().publicIp();
    }

    public List<String> groupIds() {
        NetworkInterfaceRecord primary = primary();
        return primary == null ? List.of() : primary.groupIds();
    }
}
