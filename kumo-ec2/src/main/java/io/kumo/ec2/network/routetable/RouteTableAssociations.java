package io.kumo.ec2.network.routetable;

import io.kumo.core.AwsException;
import io.kumo.core.store.Tx;

/** Finding the table that holds an association id. */
final class RouteTableAssociations {
    private RouteTableAssociations() {
    }

    record Found(RouteTableRecord table, RouteTableRecord.Association association) {
    }

    static Found require(Tx tx, String associationId) {
        if (associationId == null) {
            throw AwsException.badRequest("MissingParameter", "The request must contain the parameter associationId");
        }
        for (RouteTableRecord table : tx.list(RouteTableRecord.TABLE)) {
            for (RouteTableRecord.Association a : table.associations()) {
                if (a.associationId().equals(associationId)) {
                    return new Found(table, a);
                }
            }
        }
        if (!associationId.matches("rtbassoc-([0-9a-f]{8}|[0-9a-f]{17})")) {
            throw AwsException.badRequest("InvalidAssociationID.Malformed", "Invalid id: \"" + associationId + "\" (expecting \"rtbassoc-...\")");
        }
        throw AwsException.badRequest("InvalidAssociationID.NotFound", "The association ID '" + associationId + "' does not exist");
    }
}
