package io.kumo.ec2.network.nacl;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.nacl.NetworkAclRecord.Entry;
import software.amazon.awssdk.services.ec2.model.ReplaceNetworkAclEntryRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceNetworkAclEntryResponse;

public final class ReplaceNetworkAclEntry implements Handler<ReplaceNetworkAclEntryRequest, ReplaceNetworkAclEntryResponse> {

    @Override
    public ReplaceNetworkAclEntryResponse handle(RequestContext ctx, ReplaceNetworkAclEntryRequest in) {
        Entry entry = AclEntries.requested(in.ruleNumber(), in.egress(), in.protocol(), in.ruleActionAsString(), in.cidrBlock(),
                in.ipv6CidrBlock(), in.icmpTypeCode(), in.portRange());
        return ctx.write(tx -> {
            NetworkAclRecord acl = Lookups.require(tx, NetworkKinds.NETWORK_ACL, in.networkAclId());
            if (acl.entries().stream().noneMatch(e -> AclEntries.samePlace(e, entry))) {
                throw AclEntries.notFound(entry.ruleNumber(), entry.egress());
            }
            tx.put(NetworkAclRecord.TABLE, acl.networkAclId(), acl.withEntries(acl.entries().stream()
                    .map(e -> AclEntries.samePlace(e, entry) ? entry : e).toList()));
            return ReplaceNetworkAclEntryResponse.builder().build();
        });
    }
}
