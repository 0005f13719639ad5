package io.kumo.ec2.network.prefixlist;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.AddPrefixListEntry;
import software.amazon.awssdk.services.ec2.model.ModifyManagedPrefixListRequest;
import software.amazon.awssdk.services.ec2.model.ModifyManagedPrefixListResponse;
import software.amazon.awssdk.services.ec2.model.RemovePrefixListEntry;

import java.util.ArrayList;
import java.util.List;

/** Renames, resizes or changes entries; each change makes a new version. */
public final class ModifyManagedPrefixList implements Handler<ModifyManagedPrefixListRequest, ModifyManagedPrefixListResponse> {

    @Override
    public ModifyManagedPrefixListResponse handle(RequestContext ctx, ModifyManagedPrefixListRequest in) {
        return ctx.write(tx -> {
            PrefixListRecord p = PrefixLists.requireOwn(tx, in.prefixListId());
            if (in.currentVersion() != null && in.currentVersion() != p.version()) {
                throw Ec2Errors.invalidParameterValue("The specified version (" + in.currentVersion()
                        + ") does not match the current version (" + p.version() + ") of the prefix list.");
            }
            List<PrefixListRecord.Entry> entries = new ArrayList<>(p.entries());
            for (RemovePrefixListEntry r : in.removeEntries()) {
                String cidr = PrefixLists.cidr(p.addressFamily(), r.cidr());
                if (!entries.removeIf(e -> e.cidr().equals(cidr))) {
                    throw Ec2Errors.invalidParameterValue("The CIDR " + cidr + " is not an entry of prefix list " + p.prefixListId() + ".");
                }
            }
            for (AddPrefixListEntry a : in.addEntries()) {
                String cidr = PrefixLists.cidr(p.addressFamily(), a.cidr());
                PrefixLists.checkDescription(a.description());
                entries.removeIf(e -> e.cidr().equals(cidr));
                entries.add(new PrefixListRecord.Entry(cidr, a.description()));
            }
            Integer max = p.maxEntries();
            if (in.maxEntries() != null) {
                PrefixLists.checkMaxEntries(in.maxEntries());
                max = in.maxEntries();
            }
            if (entries.size() > max) {
                throw AwsException.badRequest("PrefixListMaxEntriesExceeded",
                        "The prefix list has " + entries.size() + " entries, more than its maximum of " + max + ".");
            }
            boolean changedEntries = !in.addEntries().isEmpty() || !in.removeEntries().isEmpty();
            PrefixListRecord updated = new PrefixListRecord(p.prefixListId(),
                    in.prefixListName() != null ? in.prefixListName() : p.prefixListName(), p.addressFamily(), "modify-complete",
                    max, changedEntries ? p.version() + 1 : p.version(), p.ownerId(), entries, p.createdAt());
            tx.put(PrefixListRecord.TABLE, p.prefixListId(), updated);
            return ModifyManagedPrefixListResponse.builder().prefixList(PrefixLists.toSdk(tx, updated, ctx.region())).build();
        });
    }
}
