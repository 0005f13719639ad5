package io.kumo.rds.engine;

import io.kumo.core.service.ServiceBinder;
import software.amazon.awssdk.services.rds.model.DescribeDbEngineVersionsRequest;
import software.amazon.awssdk.services.rds.model.DescribeOrderableDbInstanceOptionsRequest;

/** What RDS offers: engine versions and orderable instance options (no state of their own). */
public final class EngineActions {

    private EngineActions() {
    }

    public static void register(ServiceBinder binder) {
        binder.operation("DescribeDBEngineVersions", DescribeDbEngineVersionsRequest.class, new DescribeDBEngineVersions());
        binder.operation("DescribeOrderableDBInstanceOptions", DescribeOrderableDbInstanceOptionsRequest.class,
                new DescribeOrderableDBInstanceOptions());
    }
}
