package io.kumo.ec2.network.tag;

import io.kumo.core.AwsException;
import io.kumo.core.store.Tx;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.ResourceKind;
import io.kumo.ec2.support.ResourceKinds;

/** Checks that an id names an existing resource of some registered kind, with that kind's errors. */
final class TaggedResources {
    private TaggedResources() {
    }

    static ResourceKind require(Tx tx, ResourceKinds kinds, String id) {
        ResourceKind kind = kinds.ofId(id).orElseThrow(() -> AwsException.badRequest("InvalidID", "The ID '" + id + "' is not valid"));
        kind.check(id);
        if (tx.get(kind.table(), id).isEmpty()) {
            throw Ec2Errors.notFound(kind, id);
        }
        return kind;
    }
}
