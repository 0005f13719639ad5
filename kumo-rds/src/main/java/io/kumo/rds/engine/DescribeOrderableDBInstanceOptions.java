package io.kumo.rds.engine;

import io.kumo.core.RequestContext;
import io.kumo.core.regions.Regions;
import io.kumo.core.regions.Zone;
import io.kumo.core.service.Handler;
import io.kumo.rds.support.Pages;
import software.amazon.awssdk.services.rds.model.AvailabilityZone;
import software.amazon.awssdk.services.rds.model.DescribeOrderableDbInstanceOptionsRequest;
import software.amazon.awssdk.services.rds.model.DescribeOrderableDbInstanceOptionsResponse;
import software.amazon.awssdk.services.rds.model.OrderableDBInstanceOption;

import java.util.ArrayList;
import java.util.List;

/** DescribeOrderableDBInstanceOptions: every class with every version of the engine, for gp2 and gp3, in every zone of the region. */
final class DescribeOrderableDBInstanceOptions
        implements Handler<DescribeOrderableDbInstanceOptionsRequest, DescribeOrderableDbInstanceOptionsResponse> {

    @Override
    public DescribeOrderableDbInstanceOptionsResponse handle(RequestContext ctx, DescribeOrderableDbInstanceOptionsRequest in) {
        Engine engine = EngineVersions.require(in.engine());
        List<AvailabilityZone> zones = Regions.find(ctx.region()).map(r -> r.zones().stream().map(Zone::name)
                .map(z -> AvailabilityZone.builder().name(z).build()).toList()).orElse(List.of());
        List<OrderableDBInstanceOption> out = new ArrayList<>();
        for (Engine.Version v : engine.versions()) {
            if (in.engineVersion() != null && !v.version().equals(in.engineVersion())) {
                continue;
            }
            for (InstanceClasses.InstanceClass c : InstanceClasses.all()) {
                if (in.dbInstanceClass() != null && !c.name().equals(in.dbInstanceClass())) {
                    continue;
                }
                for (String storage : List.of("gp2", "gp3")) {
                    out.add(OrderableDBInstanceOption.builder().engine(engine.name()).engineVersion(v.version())
                            .dbInstanceClass(c.name()).licenseModel(engine.licenseModel()).availabilityZones(zones)
                            .multiAZCapable(true).readReplicaCapable(true).vpc(true).supportsStorageEncryption(true)
                            .storageType(storage).minStorageSize(Storage.fewest(storage)).maxStorageSize(Storage.most(storage))
                            .supportsIops(storage.equals("gp3")).supportsIAMDatabaseAuthentication(true)
                            .supportsPerformanceInsights(true).supportedNetworkTypes("IPV4").build());
                }
            }
        }
        Pages.Page<OrderableDBInstanceOption> page = Pages.of(out, in.marker(), in.maxRecords(), 1000);
        return DescribeOrderableDbInstanceOptionsResponse.builder().orderableDBInstanceOptions(page.items()).marker(page.marker()).build();
    }
}
