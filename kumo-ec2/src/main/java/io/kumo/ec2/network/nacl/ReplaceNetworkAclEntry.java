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
        int rule = AclEntries.ruleNumber(in.ruleNumber());
        boolean egress = Boolean.TRUE.equals(in.egress());
        Entry entry = AclEntries.entry(rule, egress, in.protocol(), in.ruleActionAsString(), in.cidrBlock(), in.ipv6CidrBlock(),
                in.icmpTypeCode(), in.portRange());
        return ctx.write(tx -> {
            NetworkAclRecord acl = Lookups.require(tx, NetworkKinds.NETWORK_ACL, in.networkAclId());
            if (acl.entries().stream().noneMatch(e -> e.ruleNumber() == rule && e.egress() == egress)) {
                throw AclEntries.notFound(rule, egress);
            }
            tx.put(NetworkAclRecord.TABLE, acl.networkAclId(), acl.withEntries(acl.entries().stream()
                    .map(e -> e.ruleNumber() == rule && e.egress() == egress ? entry : e).toList()));
            return ReplaceNetworkAclEntryResponse.builder().build();
        });
    }
}
