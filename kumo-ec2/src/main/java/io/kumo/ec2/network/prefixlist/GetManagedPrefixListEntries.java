package io.kumo.ec2.network.prefixlist;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Pages;
import software.amazon.awssdk.services.ec2.model.GetManagedPrefixListEntriesRequest;
import software.amazon.awssdk.services.ec2.model.GetManagedPrefixListEntriesResponse;
import software.amazon.awssdk.services.ec2.model.PrefixListEntry;

import java.util.Comparator;
import java.util.List;

/** The current entries (older versions are not kept), ordered by CIDR. */
public final class GetManagedPrefixListEntries implements Handler<GetManagedPrefixListEntriesRequest, GetManagedPrefixListEntriesResponse> {

    @Override
    public GetManagedPrefixListEntriesResponse handle(RequestContext ctx, GetManagedPrefixListEntriesRequest in) {
        return ctx.read(tx -> {
            PrefixListRecord p = Lookups.require(tx, NetworkKinds.PREFIX_LIST, in.prefixListId());
            if (in.targetVersion() != null && (in.targetVersion() < 1 || in.targetVersion() > p.version())) {
                throw Ec2Errors.invalidParameterValue("The version " + in.targetVersion() + " of prefix list " + p.prefixListId()
                        + " does not exist.");
            }
            List<PrefixListRecord.Entry> entries = p.entries().stream().sorted(Comparator.comparing(PrefixListRecord.Entry::cidr)).toList();
            Pages.Page<PrefixListRecord.Entry> page = Pages.of(entries, in.maxResults(), in.nextToken(), 1, 100,
                    PrefixListRecord.Entry::cidr);
            return GetManagedPrefixListEntriesResponse.builder()
                    .entries(page.items().stream().map(e -> PrefixListEntry.builder().cidr(e.cidr()).description(e.description()).build())
                            .toList())
                    .nextToken(page.nextToken())
                    .build();
        });
    }
}
