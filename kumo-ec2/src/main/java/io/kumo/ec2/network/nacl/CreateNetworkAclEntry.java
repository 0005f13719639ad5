package io.kumo.ec2.network.nacl;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.nacl.NetworkAclRecord.Entry;
import software.amazon.awssdk.services.ec2.model.CreateNetworkAclEntryRequest;
import software.amazon.awssdk.services.ec2.model.CreateNetworkAclEntryResponse;

import java.util.ArrayList;
import java.util.List;

/** A numbered entry (1 to 32766), unique per number and direction. */
public final class CreateNetworkAclEntry implements Handler<CreateNetworkAclEntryRequest, CreateNetworkAclEntryResponse> {

    @Override
    public CreateNetworkAclEntryResponse handle(RequestContext ctx, CreateNetworkAclEntryRequest in) {
        Entry entry = AclEntries.requested(in.ruleNumber(), in.egress(), in.protocol(), in.ruleActionAsString(), in.cidrBlock(),
                in.ipv6CidrBlock(), in.icmpTypeCode(), in.portRange());
        return ctx.write(tx -> {
            NetworkAclRecord acl = Lookups.require(tx, NetworkKinds.NETWORK_ACL, in.networkAclId());
            if (acl.entries().stream().anyMatch(e -> AclEntries.samePlace(e, entry))) {
                throw AwsException.badRequest("NetworkAclEntryAlreadyExists",
                        "The network acl entry identified by " + entry.ruleNumber() + " already exists.");
            }
            List<Entry> entries = new ArrayList<>(acl.entries());
            entries.add(entry);
            tx.put(NetworkAclRecord.TABLE, acl.networkAclId(), acl.withEntries(entries));
            return CreateNetworkAclEntryResponse.builder().build();
        });
    }
}
