package io.kumo.ec2.network.region;

import io.kumo.core.Ids;
import io.kumo.core.RequestContext;
import io.kumo.core.net.Ipv4Cidr;
import io.kumo.core.regions.Region;
import io.kumo.core.regions.Regions;
import io.kumo.core.regions.Zone;
import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Tx;
import io.kumo.ec2.network.igw.InternetGatewayRecord;
import io.kumo.ec2.network.prefixlist.AwsManagedPrefixLists;
import io.kumo.ec2.network.routetable.RouteTableRecord;
import io.kumo.ec2.network.routetable.RouteTables;
import io.kumo.ec2.network.subnet.SubnetSetup;
import io.kumo.ec2.network.vpc.DhcpOptions;
import io.kumo.ec2.network.vpc.VpcRecord;
import io.kumo.ec2.network.vpc.VpcSetup;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Ec2Registrar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gives each account's region what a new AWS account has there, on the first EC2 request for it:
 * a default VPC (172.31.0.0/16) with a default /20 subnet per zone, an attached internet gateway
 * and a main route table pointing 0.0.0.0/0 at it, plus the default DHCP options and the
 * AWS-managed prefix lists. Done once: a store marker survives restarts, and a deleted default
 * VPC stays deleted.
 */
public final class RegionDefaults {
    public static final String DEFAULT_VPC_CIDR = "172.31.0.0/16";
    private static final int DEFAULT_SUBNET_PREFIX = 20;

    private final Set<StoreScope> initialised = ConcurrentHashMap.newKeySet();
    /** Counts resets, so a check that straddles one does not mark a wiped scope as set up. */
    private final AtomicLong resets = new AtomicLong();

    public void install(Ec2Registrar registrar) {
        registrar.table(RegionDefaultsRecord.TABLE);
        registrar.binder().beforeEach(this::ensure);
        registrar.binder().controller(new Warmup(registrar.kernel()));
        registrar.kernel().store().addCommitListener(event -> {
            if (event.reset()) {
                resets.incrementAndGet();
                initialised.clear();
            }
        });
    }

    void ensure(RequestContext ctx) {
        StoreScope scope = ctx.scope();
        if (initialised.contains(scope)) {
            return;
        }
        Optional<Region> region = Regions.find(ctx.region());
        if (region.isEmpty()) {
            // AWS has no endpoint for such a region at all; an answer that names the problem helps more.
            throw Ec2Errors.invalidParameterValue("Kumo does not know the region '" + ctx.region()
                    + "'. DescribeRegions lists the regions AWS has.");
        }
        long generation = resets.get();
        // After a restart the marker is usually there: a read settles it without a write.
        boolean done = ctx.read(tx -> tx.get(RegionDefaultsRecord.TABLE, RegionDefaultsRecord.ID).isPresent());
        if (!done) {
            ctx.write(tx -> {
                if (tx.get(RegionDefaultsRecord.TABLE, RegionDefaultsRecord.ID).isEmpty()) {
                    create(tx, region.get(), ctx.accountId(), ctx.receivedAt());
                }
                return null;
            });
        }
        initialised.add(scope);
        if (resets.get() != generation) {
            initialised.remove(scope);
        }
    }

    /**
     * Makes the default region's defaults of the configured account while Kumo starts, on a
     * virtual thread, so the first request (the first DescribeVpcs of a new user) does not pay for
     * them. A request that comes first simply does it itself; the marker keeps it to once.
     */
    private final class Warmup implements io.kumo.core.service.Controller {
        private final io.kumo.core.service.Kernel kernel;

        Warmup(io.kumo.core.service.Kernel kernel) {
            this.kernel = kernel;
        }

        @Override
        public String name() {
            return "ec2-region-defaults-warmup";
        }

        @Override
        public void start() {
            StoreScope scope = new StoreScope(kernel.settings().accountId(), kernel.settings().defaultRegion());
            Optional<Region> region = Regions.find(scope.region());
            if (region.isEmpty()) {
                return;
            }
            Thread.ofVirtual().name(name()).start(() -> {
                long generation = resets.get();
                kernel.store().write(scope, tx -> {
                    if (tx.get(RegionDefaultsRecord.TABLE, RegionDefaultsRecord.ID).isEmpty()) {
                        create(tx, region.get(), scope.account(), kernel.clock().instant());
                    }
                    return null;
                });
                if (resets.get() == generation) {
                    initialised.add(scope);
                }
            });
        }

        @Override
        public void close() {
            // nothing runs after start
        }
    }

    public static Optional<String> dhcpOptionsId(Tx tx) {
        return tx.get(RegionDefaultsRecord.TABLE, RegionDefaultsRecord.ID).map(RegionDefaultsRecord::dhcpOptionsId);
    }

    static void create(Tx tx, Region region, String ownerId, Instant now) {
        String dopt = DhcpOptions.createDefault(tx, region.name(), ownerId).dhcpOptionsId();
        tx.put(RegionDefaultsRecord.TABLE, RegionDefaultsRecord.ID, new RegionDefaultsRecord(RegionDefaultsRecord.ID, dopt, now));
        AwsManagedPrefixLists.create(tx, region.name(), now);

        createDefaultVpc(tx, region, ownerId, now);
    }

    /** The default VPC with a default subnet per zone, an attached internet gateway and a route to it. */
    public static VpcRecord createDefaultVpc(Tx tx, Region region, String ownerId, Instant now) {
        VpcRecord vpc = VpcSetup.create(tx, region.name(), ownerId, DEFAULT_VPC_CIDR, VpcSetup.TENANCY_DEFAULT, true, null, now);
        Ipv4Cidr block = Ipv4Cidr.parse(DEFAULT_VPC_CIDR);
        long subnetSize = 1L << (32 - DEFAULT_SUBNET_PREFIX);
        List<Zone> zones = region.zones();
        for (int i = 0; i < zones.size() && i < 16; i++) {
            String cidr = new Ipv4Cidr(block.first().plus(i * subnetSize), DEFAULT_SUBNET_PREFIX).toString();
            SubnetSetup.create(tx, vpc.vpcId(), ownerId, cidr, zones.get(i), true, null, now);
        }

        InternetGatewayRecord igw = new InternetGatewayRecord(Ids.ec2("igw"), ownerId, vpc.vpcId(), now);
        tx.put(InternetGatewayRecord.TABLE, igw.internetGatewayId(), igw);
        RouteTables.mainOf(tx, vpc.vpcId()).ifPresent(main -> {
            List<RouteTableRecord.Route> routes = new ArrayList<>(main.routes());
            routes.add(RouteTables.gatewayRoute("0.0.0.0/0", igw.internetGatewayId(), RouteTableRecord.ORIGIN_CREATE_ROUTE));
            tx.put(RouteTableRecord.TABLE, main.routeTableId(), main.withRoutes(routes));
        });
        return vpc;
    }

    /** The first /20 of 172.31.0.0/16 that no subnet of the VPC overlaps, for CreateDefaultSubnet. */
    public static Optional<String> freeDefaultSubnetBlock(List<Ipv4Cidr> taken) {
        Ipv4Cidr block = Ipv4Cidr.parse(DEFAULT_VPC_CIDR);
        long size = 1L << (32 - DEFAULT_SUBNET_PREFIX);
        for (long offset = 0; offset < block.size(); offset += size) {
            Ipv4Cidr candidate = new Ipv4Cidr(block.first().plus(offset), DEFAULT_SUBNET_PREFIX);
            if (taken.stream().noneMatch(candidate::overlaps)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }
}
