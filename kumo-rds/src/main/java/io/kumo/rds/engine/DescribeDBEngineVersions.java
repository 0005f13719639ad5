package io.kumo.rds.engine;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.rds.support.Pages;
import software.amazon.awssdk.services.rds.model.DBEngineVersion;
import software.amazon.awssdk.services.rds.model.DescribeDbEngineVersionsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbEngineVersionsResponse;

import java.util.ArrayList;
import java.util.List;

/** DescribeDBEngineVersions: by Engine, EngineVersion (exact or major), DBParameterGroupFamily, DefaultOnly (the newest per engine). */
final class DescribeDBEngineVersions implements Handler<DescribeDbEngineVersionsRequest, DescribeDbEngineVersionsResponse> {

    @Override
    public DescribeDbEngineVersionsResponse handle(RequestContext ctx, DescribeDbEngineVersionsRequest in) {
        List<DBEngineVersion> out = new ArrayList<>();
        for (Engine engine : EngineVersions.ALL) {
            if (in.engine() != null && !engine.name().equals(in.engine())) {
                continue;
            }
            for (Engine.Version v : engine.versions()) {
                boolean versionMatches = in.engineVersion() == null || v.version().equals(in.engineVersion())
                        || v.majorVersion().equals(in.engineVersion());
                boolean familyMatches = in.dbParameterGroupFamily() == null || v.family().equals(in.dbParameterGroupFamily());
                boolean defaultMatches = !Boolean.TRUE.equals(in.defaultOnly()) || v.equals(engine.newest());
                if (versionMatches && familyMatches && defaultMatches) {
                    out.add(toSdk(engine, v));
                }
            }
        }
        Pages.Page<DBEngineVersion> page = Pages.of(out, in.marker(), in.maxRecords(), 100);
        return DescribeDbEngineVersionsResponse.builder().dbEngineVersions(page.items()).marker(page.marker()).build();
    }

    private static DBEngineVersion toSdk(Engine engine, Engine.Version v) {
        String prefix = engine.isPostgres() ? "PostgreSQL " : engine.name().equals(EngineVersions.MYSQL) ? "MySQL " : "MariaDB ";
        return DBEngineVersion.builder()
                .engine(engine.name())
                .engineVersion(v.version())
                .dbParameterGroupFamily(v.family())
                .dbEngineDescription(engine.description())
                .dbEngineVersionDescription(prefix + v.version())
                .majorEngineVersion(v.majorVersion())
                .status("available")
                .supportsLogExportsToCloudwatchLogs(true)
                .supportsReadReplica(true)
                .supportedFeatureNames(List.of())
                .exportableLogTypes(engine.isPostgres() ? List.of("postgresql", "upgrade") : List.of("audit", "error", "general", "slowquery"))
                .build();
    }
}
