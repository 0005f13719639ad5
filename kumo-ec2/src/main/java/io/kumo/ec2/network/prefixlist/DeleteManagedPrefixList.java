package io.kumo.ec2.network.prefixlist;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.core.store.Tx;
import io.kumo.ec2.network.routetable.RouteTableRecord;
import io.kumo.ec2.network.sg.SecurityGroupRecord;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.DeleteManagedPrefixListRequest;
import software.amazon.awssdk.services.ec2.model.DeleteManagedPrefixListResponse;

/** Not while a security group rule or a route names it. */
public final class DeleteManagedPrefixList implements Handler<DeleteManagedPrefixListRequest, DeleteManagedPrefixListResponse> {

    @Override
    public DeleteManagedPrefixListResponse handle(RequestContext ctx, DeleteManagedPrefixListRequest in) {
        return ctx.write(tx -> {
            PrefixListRecord p = PrefixLists.requireOwn(tx, in.prefixListId());
            if (referenced(tx, p.prefixListId())) {
                throw Ec2Errors.dependencyViolation("The prefix list '" + p.prefixListId() + "' has dependencies and cannot be deleted.");
            }
            tx.delete(PrefixListRecord.TABLE, p.prefixListId());
            Tags.deleteAll(tx, p.prefixListId());
            PrefixListRecord gone = new PrefixListRecord(p.prefixListId(), p.prefixListName(), p.addressFamily(), "delete-complete",
                    p.maxEntries(), p.version(), p.ownerId(), p.entries(), p.createdAt());
            return DeleteManagedPrefixListResponse.builder().prefixList(PrefixLists.toSdk(tx, gone, ctx.region())).build();
        });
    }

    private static boolean referenced(Tx tx, String id) {
        return tx.list(SecurityGroupRecord.TABLE).stream().flatMap(g -> g.rules().stream()).anyMatch(r -> id.equals(r.prefixListId()))
                || tx.list(RouteTableRecord.TABLE).stream().flatMap(t -> t.routes().stream())
                .anyMatch(r -> id.equals(r.destinationPrefixListId()));
    }
}
