package io.kumo.ec2.compute.keypair;

import io.kumo.core.Ids;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.keypair.crypto.GeneratedKeyPair;
import io.kumo.ec2.keypair.crypto.KeyFormat;
import io.kumo.ec2.keypair.crypto.KeyPairFactory;
import io.kumo.ec2.keypair.crypto.KeyType;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairResponse;

import java.util.List;

/** CreateKeyPair: a new RSA or ED25519 key; the private key is returned once and never kept. */
public final class CreateKeyPair implements Handler<CreateKeyPairRequest, CreateKeyPairResponse> {
    private final KeyPairFactory factory = KeyPairFactory.create(Ids.random());

    @Override
    public CreateKeyPairResponse handle(RequestContext ctx, CreateKeyPairRequest in) {
        KeyPairs.validateName(in.keyName());
        KeyType type = in.keyTypeAsString() == null ? KeyType.RSA : KeyType.fromApiName(in.keyTypeAsString())
                .orElseThrow(() -> Ec2Errors.invalidParameterValue("Value (" + in.keyTypeAsString()
                        + ") for parameter KeyType is invalid. Valid values are: rsa, ed25519."));
        KeyFormat format = in.keyFormatAsString() == null ? KeyFormat.PEM : KeyFormat.fromApiName(in.keyFormatAsString())
                .orElseThrow(() -> Ec2Errors.invalidParameterValue("Value (" + in.keyFormatAsString()
                        + ") for parameter KeyFormat is invalid. Valid values are: pem, ppk."));
        // Key generation is slow (RSA); it happens before the transaction so writers are not held up.
        GeneratedKeyPair generated = factory.generate(type, format, in.keyName());
        return ctx.write(tx -> {
            KeyPairs.requireUnique(tx, in.keyName());
            String id = Ids.ec2("key");
            KeyPairRecord record = new KeyPairRecord(id, in.keyName(), type.apiName(), generated.keyFingerprint(),
                    generated.publicKeyOpenSsh(), ctx.receivedAt());
            tx.put(KeyPairRecord.TABLE, id, record);
            Tags.applySpecifications(tx, id, "key-pair", in.tagSpecifications(), List.of("key-pair"));
            return CreateKeyPairResponse.builder()
                    .keyPairId(id)
                    .keyName(record.keyName())
                    .keyFingerprint(record.keyFingerprint())
                    .keyMaterial(generated.keyMaterial())
                    .tags(Tags.sdkTags(tx, id))
                    .build();
        });
    }
}
