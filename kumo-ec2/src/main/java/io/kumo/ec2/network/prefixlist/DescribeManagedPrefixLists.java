package io.kumo.ec2.network.prefixlist;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.support.Pages;
import software.amazon.awssdk.services.ec2.model.DescribeManagedPrefixListsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeManagedPrefixListsResponse;

import java.util.List;

/** AWS's lists of the region and the account's own. */
public final class DescribeManagedPrefixLists implements Handler<DescribeManagedPrefixListsRequest, DescribeManagedPrefixListsResponse> {

    @Override
    public DescribeManagedPrefixListsResponse handle(RequestContext ctx, DescribeManagedPrefixListsRequest in) {
        return ctx.read(tx -> {
            List<PrefixListRecord> selected = Lookups.selected(tx, NetworkKinds.PREFIX_LIST, PrefixListRecord.TABLE,
                    in.prefixListIds(), PrefixListRecord::prefixListId);
            List<PrefixListRecord> matching = PrefixLists.filters(tx).apply(selected, in.filters());
            Pages.Page<PrefixListRecord> page = Pages.of(matching, in.maxResults(), in.nextToken(), 1, 100,
                    PrefixListRecord::prefixListId);
            return DescribeManagedPrefixListsResponse.builder()
                    .prefixLists(page.items().stream().map(p -> PrefixLists.toSdk(tx, p, ctx.region())).toList())
                    .nextToken(page.nextToken())
                    .build();
        });
    }
}
