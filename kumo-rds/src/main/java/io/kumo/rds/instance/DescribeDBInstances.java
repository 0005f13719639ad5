package io.kumo.rds.instance;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.rds.support.Filters;
import io.kumo.rds.support.Pages;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * DescribeDBInstances: one by identifier or ARN (DBInstanceNotFound when it is not there, which
 * is what the db-instance-deleted waiter waits for), or all by identifier, narrowed by Filters.
 */
final class DescribeDBInstances implements Handler<DescribeDbInstancesRequest, DescribeDbInstancesResponse> {
    private static final Map<String, Function<DbInstanceRecord, Set<String>>> FILTERS = Map.of(
            "db-instance-id", i -> Set.of(i.identifier(), i.arn()),
            "dbi-resource-id", i -> Set.of(i.resourceId()),
            "engine", i -> Set.of(i.settings().engine()),
            "db-cluster-id", i -> Set.of(),
            "domain", i -> Set.of());

    @Override
    public DescribeDbInstancesResponse handle(RequestContext ctx, DescribeDbInstancesRequest in) {
        Predicate<DbInstanceRecord> filter = Filters.of(in.filters(), FILTERS);
        Pages.Page<DBInstance> page = ctx.read(tx -> {
            List<DbInstanceRecord> chosen = in.dbInstanceIdentifier() != null
                    ? List.of(Instances.require(tx, in.dbInstanceIdentifier()))
                    : tx.list(DbInstanceRecord.TABLE);
            List<DbInstanceRecord> kept = chosen.stream().filter(filter).toList();
            Pages.Page<DbInstanceRecord> records = Pages.of(kept, in.marker(), in.maxRecords());
            return new Pages.Page<>(records.items().stream().map(i -> Instances.toSdk(tx, i)).toList(), records.marker());
        });
        return DescribeDbInstancesResponse.builder().dbInstances(page.items()).marker(page.marker()).build();
    }
}
