package io.kumo.ec2.network.nacl;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkAclEntryRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkAclEntryResponse;

public final class DeleteNetworkAclEntry implements Handler<DeleteNetworkAclEntryRequest, DeleteNetworkAclEntryResponse> {

    @Override
    public DeleteNetworkAclEntryResponse handle(RequestContext ctx, DeleteNetworkAclEntryRequest in) {
        int rule = AclEntries.ruleNumber(in.ruleNumber());
        boolean egress = Boolean.TRUE.equals(in.egress());
        return ctx.write(tx -> {
            NetworkAclRecord acl = Lookups.require(tx, NetworkKinds.NETWORK_ACL, in.networkAclId());
            if (acl.entries().stream().noneMatch(e -> e.ruleNumber() == rule && e.egress() == egress)) {
                throw AclEntries.notFound(rule, egress);
            }
            tx.put(NetworkAclRecord.TABLE, acl.networkAclId(), acl.withEntries(acl.entries().stream()
                    .filter(e -> !(e.ruleNumber() == rule && e.egress() == egress)).toList()));
            return DeleteNetworkAclEntryResponse.builder().build();
        });
    }
}
