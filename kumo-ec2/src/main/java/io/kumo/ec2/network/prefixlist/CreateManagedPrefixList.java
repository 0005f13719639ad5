package io.kumo.ec2.network.prefixlist;

import io.kumo.core.AwsException;
import io.kumo.core.Ids;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.AddPrefixListEntry;
import software.amazon.awssdk.services.ec2.model.CreateManagedPrefixListRequest;
import software.amazon.awssdk.services.ec2.model.CreateManagedPrefixListResponse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A customer-managed list of IPv4 or IPv6 blocks, for security group rules and routes to name. */
public final class CreateManagedPrefixList implements Handler<CreateManagedPrefixListRequest, CreateManagedPrefixListResponse> {

    @Override
    public CreateManagedPrefixListResponse handle(RequestContext ctx, CreateManagedPrefixListRequest in) {
        String family = in.addressFamily();
        if (!"IPv4".equals(family) && !"IPv6".equals(family)) {
            throw Ec2Errors.invalidParameterValue("Value (" + family + ") for parameter addressFamily is invalid. Valid values: IPv4, IPv6");
        }
        String name = in.prefixListName();
        if (name.isEmpty() || name.length() > 255 || name.startsWith("com.amazonaws")) {
            throw Ec2Errors.invalidParameterValue("Value (" + name + ") for parameter prefixListName is invalid.");
        }
        PrefixLists.checkMaxEntries(in.maxEntries());
        if (in.entries().size() > in.maxEntries()) {
            throw AwsException.badRequest("PrefixListMaxEntriesExceeded",
                    "The prefix list has " + in.entries().size() + " entries, more than its maximum of " + in.maxEntries() + ".");
        }
        List<PrefixListRecord.Entry> entries = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (AddPrefixListEntry e : in.entries()) {
            String cidr = PrefixLists.cidr(family, e.cidr());
            PrefixLists.checkDescription(e.description());
            if (!seen.add(cidr)) {
                throw Ec2Errors.invalidParameterValue("The CIDR " + cidr + " appears more than once in the prefix list entries.");
            }
            entries.add(new PrefixListRecord.Entry(cidr, e.description()));
        }
        return ctx.write(tx -> {
            PrefixListRecord p = new PrefixListRecord(Ids.ec2("pl"), name, family, "create-complete", in.maxEntries(), 1,
                    ctx.accountId(), entries, ctx.receivedAt());
            tx.put(PrefixListRecord.TABLE, p.prefixListId(), p);
            Tags.applySpecifications(tx, p.prefixListId(), "prefix-list", in.tagSpecifications(), List.of("prefix-list"));
            return CreateManagedPrefixListResponse.builder().prefixList(PrefixLists.toSdk(tx, p, ctx.region())).build();
        });
    }
}
