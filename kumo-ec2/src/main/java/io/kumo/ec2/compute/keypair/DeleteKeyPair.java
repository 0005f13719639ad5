package io.kumo.ec2.compute.keypair;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.DeleteKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.DeleteKeyPairResponse;

import java.util.Optional;

/**
 * DeleteKeyPair by name or id. As on AWS, deleting a key pair that does not exist succeeds:
 * clean-up scripts rely on it.
 */
public final class DeleteKeyPair implements Handler<DeleteKeyPairRequest, DeleteKeyPairResponse> {

    @Override
    public DeleteKeyPairResponse handle(RequestContext ctx, DeleteKeyPairRequest in) {
        if (in.keyName() == null && in.keyPairId() == null) {
            throw Ec2Errors.missingParameter("KeyName or KeyPairId");
        }
        return ctx.write(tx -> {
            Optional<KeyPairRecord> found = in.keyPairId() != null
                    ? tx.get(KeyPairRecord.TABLE, in.keyPairId())
                    : KeyPairs.byName(tx, in.keyName());
            found.ifPresent(k -> {
                tx.delete(KeyPairRecord.TABLE, k.keyPairId());
                Tags.deleteAll(tx, k.keyPairId());
            });
            return DeleteKeyPairResponse.builder()
                    .returnValue(true)
                    .keyPairId(found.map(KeyPairRecord::keyPairId).orElse(null))
                    .build();
        });
    }
}
