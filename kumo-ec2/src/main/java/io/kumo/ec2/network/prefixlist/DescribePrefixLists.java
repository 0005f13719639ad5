package io.kumo.ec2.network.prefixlist;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.support.Pages;
import software.amazon.awssdk.services.ec2.model.DescribePrefixListsRequest;
import software.amazon.awssdk.services.ec2.model.DescribePrefixListsResponse;
import software.amazon.awssdk.services.ec2.model.PrefixList;

import java.util.List;

/** The older view of AWS's service prefix lists, with their CIDRs inline. */
public final class DescribePrefixLists implements Handler<DescribePrefixListsRequest, DescribePrefixListsResponse> {

    @Override
    public DescribePrefixListsResponse handle(RequestContext ctx, DescribePrefixListsRequest in) {
        return ctx.read(tx -> {
            List<PrefixListRecord> selected = Lookups.selected(tx, NetworkKinds.PREFIX_LIST, PrefixListRecord.TABLE,
                    in.prefixListIds(), PrefixListRecord::prefixListId).stream().filter(PrefixListRecord::awsManaged).toList();
            List<PrefixListRecord> matching = PrefixLists.filters(tx).apply(selected, in.filters());
            Pages.Page<PrefixListRecord> page = Pages.of(matching, in.maxResults(), in.nextToken(), 5, 1000,
                    PrefixListRecord::prefixListId);
            return DescribePrefixListsResponse.builder()
                    .prefixLists(page.items().stream().map(p -> PrefixList.builder()
                            .prefixListId(p.prefixListId())
                            .prefixListName(p.prefixListName())
                            .cidrs(p.entries().stream().map(PrefixListRecord.Entry::cidr).toList())
                            .build()).toList())
                    .nextToken(page.nextToken())
                    .build();
        });
    }
}
