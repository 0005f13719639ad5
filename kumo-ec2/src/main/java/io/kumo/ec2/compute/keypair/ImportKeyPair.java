package io.kumo.ec2.compute.keypair;

import io.kumo.core.Ids;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.keypair.crypto.ImportedPublicKey;
import io.kumo.ec2.keypair.crypto.PublicKeyImporter;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairResponse;

import java.util.List;

/** ImportKeyPair: keeps a public key the caller made; InvalidKey.Format for anything else. */
public final class ImportKeyPair implements Handler<ImportKeyPairRequest, ImportKeyPairResponse> {

    @Override
    public ImportKeyPairResponse handle(RequestContext ctx, ImportKeyPairRequest in) {
        KeyPairs.validateName(in.keyName());
        if (in.publicKeyMaterial() == null) {
            throw Ec2Errors.missingParameter("PublicKeyMaterial");
        }
        ImportedPublicKey key = PublicKeyImporter.importKey(in.publicKeyMaterial().asByteArray());
        return ctx.write(tx -> {
            KeyPairs.requireUnique(tx, in.keyName());
            String id = Ids.ec2("key");
            KeyPairRecord record = new KeyPairRecord(id, in.keyName(), key.keyType().apiName(), key.keyFingerprint(),
                    key.publicKeyOpenSsh(), ctx.receivedAt());
            tx.put(KeyPairRecord.TABLE, id, record);
            Tags.applySpecifications(tx, id, "key-pair", in.tagSpecifications(), List.of("key-pair"));
            return ImportKeyPairResponse.builder()
                    .keyPairId(id)
                    .keyName(record.keyName())
                    .keyFingerprint(record.keyFingerprint())
                    .tags(Tags.sdkTags(tx, id))
                    .build();
        });
    }
}
