package io.kumo.ec2.runtime.plan;

import io.kumo.ec2.network.sg.RuleSources;
import io.kumo.core.net.Ipv4Cidr;
import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.eni.NetworkInterfaceRecord;
import io.kumo.ec2.compute.image.ImageBuildRecord;
import io.kumo.ec2.compute.image.ImageRecord;
import io.kumo.ec2.compute.image.Images;
import io.kumo.ec2.compute.instance.InstanceRecord;
import io.kumo.ec2.compute.instance.InstanceState;
import io.kumo.ec2.compute.instance.RebootRequest;
import io.kumo.ec2.compute.keypair.KeyPairRecord;
import io.kumo.ec2.network.igw.InternetGatewayRecord;
import io.kumo.ec2.network.routetable.RouteTableRecord;
import io.kumo.ec2.network.sg.SecurityGroupRecord;
import io.kumo.ec2.network.subnet.SubnetRecord;
import io.kumo.ec2.network.vpc.VpcRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What should run, read from one consistent view of the store: every instance with its primary
 * interface, and every VPC that has instances, with its subnets and whether each reaches an
 * attached internet gateway.
 */
public record RuntimePlans(List<InstancePlan> instances, Map<String, VpcPlan> vpcs, Map<String, RebootRequest> reboots,
                           List<ImageBuild> builds, Map<String, SecurityGroupRecord> groups, Set<String> imagesInUse,
                           RuleSources ruleSources, List<NodePlan> nodes) {

    /** A CreateImage waiting for its instance's disk to be frozen, or an import waiting for its copy. */
    public record ImageBuild(StoreScope scope, ImageBuildRecord build) {
    }


    public static RuntimePlans read(Tx tx) {
        Map<String, NetworkInterfaceRecord> primaryOf = new HashMap<>();
        for (List<NetworkInterfaceRecord> enis : tx.scanAll(NetworkInterfaceRecord.TABLE).values()) {
            for (NetworkInterfaceRecord eni : enis) {
                if (eni.attachment() != null && eni.attachment().deviceIndex() == 0) {
                    primaryOf.put(eni.attachment().instanceId(), eni);
                }
            }
        }
        Map<String, SubnetRecord> subnets = byId(tx.scanAll(SubnetRecord.TABLE), SubnetRecord::subnetId);
        Map<String, VpcRecord> vpcRecords = byId(tx.scanAll(VpcRecord.TABLE), VpcRecord::vpcId);
        Map<String, InternetGatewayRecord> gatewayOfVpc = new HashMap<>();
        for (List<InternetGatewayRecord> igws : tx.scanAll(InternetGatewayRecord.TABLE).values()) {
            igws.stream().filter(InternetGatewayRecord::attached).forEach(g -> gatewayOfVpc.put(g.vpcId(), g));
        }
        List<RouteTableRecord> tables = tx.scanAll(RouteTableRecord.TABLE).values().stream().flatMap(List::stream).toList();
        Map<String, VpcPlan> vpcs = new LinkedHashMap<>();
        Map<String, String> regionOfVpc = new HashMap<>();
        tx.scanAll(VpcRecord.TABLE).forEach((scope, list) -> list.forEach(v -> regionOfVpc.put(v.vpcId(), scope.region())));
        for (SubnetRecord subnet : subnets.values()) {
            VpcRecord vpc = vpcRecords.get(subnet.vpcId());
            if (vpc == null) {
                continue;
            }
            InternetGatewayRecord igw = gatewayOfVpc.get(vpc.vpcId());
            SubnetPlan plan = new SubnetPlan(subnet.subnetId(), Ipv4Cidr.parse(subnet.cidrBlock()), subnet.availabilityZone(),
                    igw != null && routesTo(tableOf(tables, subnet), igw.internetGatewayId()));
            VpcPlan old = vpcs.get(vpc.vpcId());
            List<SubnetPlan> list = new ArrayList<>(old == null ? List.of() : old.subnets());
            list.add(plan);
            list.sort(java.util.Comparator.comparing(SubnetPlan::subnetId));
            vpcs.put(vpc.vpcId(), new VpcPlan(vpc.vpcId(), regionOfVpc.get(vpc.vpcId()), vpc.ipv4Blocks().stream().map(Ipv4Cidr::parse).toList(),
                    list, igw != null, vpc.enableDnsSupport(), vpc.enableDnsHostnames()));
        }
        Map<String, String> groupNames = new HashMap<>();
        Map<String, SecurityGroupRecord> groups = new HashMap<>();
        tx.scanAll(SecurityGroupRecord.TABLE).values().forEach(l -> l.forEach(g -> {
            groupNames.put(g.groupId(), g.groupName());
            groups.put(g.groupId(), g);
        }));
        List<InstancePlan> instances = new ArrayList<>();
        for (Map.Entry<StoreScope, List<InstanceRecord>> scoped : tx.scanAll(InstanceRecord.TABLE).entrySet()) {
            String region = scoped.getKey().region();
            Map<String, KeyPairRecord> keys = new HashMap<>();
            for (KeyPairRecord k : tx.scanAll(KeyPairRecord.TABLE).getOrDefault(scoped.getKey(), List.of())) {
                keys.put(k.keyName(), k);
            }
            for (InstanceRecord r : scoped.getValue()) {
                NetworkInterfaceRecord eni = primaryOf.get(r.instanceId());
                VpcPlan vpc = vpcs.get(r.launch().vpcId());
                if (eni == null || vpc == null || vpc.subnets().stream().noneMatch(s -> s.subnetId().equals(eni.subnetId()))) {
                    continue;
                }
                KeyPairRecord key = r.launch().keyName() == null ? null : keys.get(r.launch().keyName());
                instances.add(new InstancePlan(r, region, eni.networkInterfaceId(), eni.macAddress(), eni.privateIpAddress(),
                        vpc.subnet(eni.subnetId()), eni.publicIp() == null ? null : eni.publicIp().publicIp(),
                        "ip-" + eni.privateIpAddress().replace('.', '-'), r.launch().keyName(),
                        key == null ? null : key.publicKey(), defaultUser(tx.in(scoped.getKey()), r.launch().imageId()),
                        subnets.get(eni.subnetId()).availabilityZoneId(), eni.groupIds(),
                        eni.groupIds().stream().map(id -> groupNames.getOrDefault(id, id)).toList()));
            }
        }
        Map<String, RebootRequest> reboots = new HashMap<>();
        tx.scanAll(RebootRequest.TABLE).values().forEach(l -> l.forEach(r -> reboots.put(r.instanceId(), r)));
        List<ImageBuild> builds = new ArrayList<>();
        tx.scanAll(ImageBuildRecord.TABLE).forEach((scope, list) -> list.forEach(b -> builds.add(new ImageBuild(scope, b))));
        return new RuntimePlans(List.copyOf(instances), Map.copyOf(vpcs), Map.copyOf(reboots), List.copyOf(builds), Map.copyOf(groups),
                imagesInUse(tx, builds), RuleSources.read(tx), nodes(tx, vpcs));
    }

    /**
     * The images whose layers must stay: registered ones, those of every instance that may still
     * boot (one that has not booted yet copies its image's layer at its first boot), and those
     * being built.
     */
    private static Set<String> imagesInUse(Tx tx, List<ImageBuild> builds) {
        Set<String> out = new HashSet<>();
        tx.scanAll(ImageRecord.TABLE).values().forEach(l -> l.forEach(i -> out.add(i.imageId())));
        tx.scanAll(InstanceRecord.TABLE).values().forEach(l -> l.stream()
                .filter(i -> i.state() != InstanceState.TERMINATED && i.state() != InstanceState.SHUTTING_DOWN)
                .forEach(i -> out.add(i.launch().imageId())));
        builds.forEach(b -> out.add(b.build().imageId()));
        return Set.copyOf(out);
    }

    /** Managed interfaces of services (attached to no instance) in subnets Kumo knows. */
    private static List<NodePlan> nodes(Tx tx, Map<String, VpcPlan> vpcs) {
        List<NodePlan> out = new ArrayList<>();
        for (List<NetworkInterfaceRecord> enis : tx.scanAll(NetworkInterfaceRecord.TABLE).values()) {
            for (NetworkInterfaceRecord eni : enis) {
                VpcPlan vpc = vpcs.get(eni.vpcId());
                if (eni.requesterManaged() && eni.attachment() != null && eni.attachment().instanceId() == null && vpc != null
                        && vpc.subnets().stream().anyMatch(s -> s.subnetId().equals(eni.subnetId()))) {
                    out.add(new NodePlan(eni.networkInterfaceId(), eni.vpcId(), vpc.subnet(eni.subnetId()), eni.macAddress(),
                            eni.privateIpAddress()));
                }
            }
        }
        return List.copyOf(out);
    }

    /** The login user of the image's family, as AWS's images name it. */
    static String defaultUser(Tx scoped, String imageId) {
        return switch (Images.family(scoped, imageId).orElse("amazon-linux")) {
            case "debian" -> "admin";
            case "ubuntu" -> "ubuntu";
            default -> "ec2-user";
        };
    }

    private static Optional<RouteTableRecord> tableOf(List<RouteTableRecord> tables, SubnetRecord subnet) {
        Optional<RouteTableRecord> explicit = tables.stream()
                .filter(t -> t.associations().stream().anyMatch(a -> subnet.subnetId().equals(a.subnetId()))).findFirst();
        return explicit.isPresent() ? explicit : tables.stream().filter(t -> t.vpcId().equals(subnet.vpcId()) && t.main()).findFirst();
    }

    private static boolean routesTo(Optional<RouteTableRecord> table, String gatewayId) {
        return table.map(t -> t.routes().stream().anyMatch(r -> gatewayId.equals(r.gatewayId())
                && "0.0.0.0/0".equals(r.destinationCidrBlock()))).orElse(false);
    }

    private static <V> Map<String, V> byId(Map<StoreScope, List<V>> scoped, java.util.function.Function<V, String> id) {
        Map<String, V> out = new LinkedHashMap<>();
        scoped.values().forEach(list -> list.forEach(v -> out.put(id.apply(v), v)));
        return out;
    }
}
